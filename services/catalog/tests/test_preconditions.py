"""Optimistic concurrency: ETags on reads and updates, If-Match, 412 that changes nothing."""

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import httpx
from sqlalchemy import func, select

from kit.auth import InternalPrincipal
from kit.events.tables import outbox
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

from .helpers import make_producer, make_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
STALE = '"00000000000000000000000000000000"'


async def outbox_rows(runtime: ServiceRuntime, tenant: uuid.UUID) -> int:
    async with runtime.db.transaction() as session:
        found = await session.execute(
            select(func.count()).select_from(outbox).where(outbox.c.tenant_id == tenant)
        )
        return int(found.scalar_one())


async def published_product(http: httpx.AsyncClient) -> dict:
    producer = await make_producer(http)
    product = await make_product(http, producer["id"])
    published = await http.post(f"/v1/products/{product['id']}/publish")
    assert published.status_code == 200, published.text
    return published.json()


class TestProducts:
    async def test_get_and_patch_answer_the_versions_etag(self, as_user: Client) -> None:
        http = as_user(principal(uuid.uuid4()))
        product = await published_product(http)
        path = f"/v1/products/{product['id']}"
        read = await http.get(path)
        changed = await http.patch(
            path, json={"tags": ["new"]}, headers={"If-Match": read.headers["etag"]}
        )
        assert changed.status_code == 200, changed.text
        assert changed.headers["etag"] != read.headers["etag"]
        assert (await http.get(path)).headers["etag"] == changed.headers["etag"]

    async def test_stale_if_match_is_412_and_changes_nothing(
        self, as_user: Client, runtime: ServiceRuntime
    ) -> None:
        tenant = uuid.uuid4()
        http = as_user(principal(tenant))
        product = await published_product(http)
        path = f"/v1/products/{product['id']}"
        seen = (await http.get(path)).headers["etag"]
        assert (await http.patch(path, json={"tags": ["first"]})).status_code == 200
        before = (await http.get(path)).json()
        events = await outbox_rows(runtime, tenant)

        stale = await http.patch(path, json={"tags": ["second"]}, headers={"If-Match": seen})

        assert stale.status_code == 412
        assert stale.headers["content-type"] == "application/problem+json"
        assert stale.json()["type"].endswith("precondition-failed")
        assert (await http.get(path)).json() == before
        assert await outbox_rows(runtime, tenant) == events

    async def test_without_if_match_a_patch_applies_as_before(self, as_user: Client) -> None:
        http = as_user(principal(uuid.uuid4()))
        product = await published_product(http)
        path = f"/v1/products/{product['id']}"
        await http.patch(path, json={"tags": ["first"]})
        changed = await http.patch(path, json={"tags": ["second"]})
        assert changed.status_code == 200
        assert changed.json()["tags"] == ["second"]

    async def test_if_match_star_matches_any_existing_product(self, as_user: Client) -> None:
        http = as_user(principal(uuid.uuid4()))
        product = await published_product(http)
        path = f"/v1/products/{product['id']}"
        changed = await http.patch(path, json={"tags": ["any"]}, headers={"If-Match": "*"})
        assert changed.status_code == 200
        missing = await http.patch(
            f"/v1/products/{uuid.uuid4()}", json={"tags": ["x"]}, headers={"If-Match": "*"}
        )
        assert missing.status_code == 404

    async def test_a_list_of_etags_matches_when_one_is_current(self, as_user: Client) -> None:
        http = as_user(principal(uuid.uuid4()))
        product = await published_product(http)
        path = f"/v1/products/{product['id']}"
        current = (await http.get(path)).headers["etag"]
        changed = await http.patch(
            path, json={"tags": ["x"]}, headers={"If-Match": f"{STALE}, {current}"}
        )
        assert changed.status_code == 200
        weak = await http.patch(path, json={"tags": ["y"]}, headers={"If-Match": f"W/{current}"})
        assert weak.status_code == 412

    async def test_of_two_concurrent_patches_with_one_etag_exactly_one_wins(
        self, as_user: Client
    ) -> None:
        http = as_user(principal(uuid.uuid4()))
        product = await published_product(http)
        path = f"/v1/products/{product['id']}"
        seen = (await http.get(path)).headers["etag"]

        answers = await asyncio.gather(
            *(
                http.patch(path, json={"tags": [f"editor-{n}"]}, headers={"If-Match": seen})
                for n in range(4)
            )
        )

        assert sorted(a.status_code for a in answers) == [200, 412, 412, 412]
        [winner] = [a for a in answers if a.status_code == 200]
        assert (await http.get(path)).json()["tags"] == winner.json()["tags"]

    async def test_a_changed_variant_is_a_new_version_of_its_product(self, as_user: Client) -> None:
        http = as_user(principal(uuid.uuid4()))
        product = await published_product(http)
        path = f"/v1/products/{product['id']}"
        seen = (await http.get(path)).headers["etag"]
        variant = product["variants"][0]["id"]
        await http.patch(f"{path}/variants/{variant}", json={"stock": 1})
        assert (await http.get(path, headers={"If-None-Match": seen})).status_code == 200
        stale = await http.patch(path, json={"tags": ["x"]}, headers={"If-Match": seen})
        assert stale.status_code == 412


class TestVariants:
    async def test_stale_if_match_is_412_and_changes_nothing(
        self, as_user: Client, runtime: ServiceRuntime
    ) -> None:
        tenant = uuid.uuid4()
        http = as_user(principal(tenant))
        product = await published_product(http)
        path = f"/v1/products/{product['id']}/variants/{product['variants'][0]['id']}"
        read = await http.get(path)
        assert read.status_code == 200, read.text
        first = await http.patch(
            path, json={"stock": 3}, headers={"If-Match": read.headers["etag"]}
        )
        assert first.status_code == 200, first.text
        assert first.headers["etag"] == (await http.get(path)).headers["etag"]
        events = await outbox_rows(runtime, tenant)

        stale = await http.patch(
            path, json={"stock": 9}, headers={"If-Match": read.headers["etag"]}
        )

        assert stale.status_code == 412
        assert (await http.get(path)).json()["stock"] == 3
        assert await outbox_rows(runtime, tenant) == events


class TestProducers:
    async def test_stale_if_match_is_412_and_changes_nothing(
        self, as_user: Client, runtime: ServiceRuntime
    ) -> None:
        tenant = uuid.uuid4()
        http = as_user(principal(tenant))
        producer = await make_producer(http)
        path = f"/v1/producers/{producer['id']}"
        read = await http.get(path)
        first = await http.patch(
            path, json={"address": "Takeo 1"}, headers={"If-Match": read.headers["etag"]}
        )
        assert first.status_code == 200, first.text
        assert first.json()["updated_at"] > read.json()["updated_at"]
        events = await outbox_rows(runtime, tenant)

        stale = await http.patch(
            path, json={"address": "Takeo 2"}, headers={"If-Match": read.headers["etag"]}
        )

        assert stale.status_code == 412
        assert (await http.get(path)).json()["address"] == "Takeo 1"
        assert await outbox_rows(runtime, tenant) == events


class TestPlaces:
    async def test_stale_if_match_is_412_and_changes_nothing(self, as_user: Client) -> None:
        http = as_user(principal(uuid.uuid4()))
        created = await http.post(
            "/v1/places", json={"slug": "onsen", "kind": "onsen", "name": {"ja": "武雄温泉"}}
        )
        assert created.status_code == 201, created.text
        path = f"/v1/places/{created.json()['id']}"
        read = await http.get(path)
        first = await http.patch(
            path, json={"address": "Takeo 1"}, headers={"If-Match": read.headers["etag"]}
        )
        assert first.status_code == 200, first.text

        stale = await http.patch(
            path, json={"address": "Takeo 2"}, headers={"If-Match": read.headers["etag"]}
        )

        assert stale.status_code == 412
        assert (await http.get(path)).json()["address"] == "Takeo 1"


class TestUpdatedSince:
    async def test_lists_give_only_what_changed_since(self, as_user: Client) -> None:
        http = as_user(principal(uuid.uuid4()))
        old_producer = await make_producer(http)
        old_product = await make_product(http, old_producer["id"], "old")
        await http.post("/v1/places", json={"slug": "old", "kind": "onsen", "name": {"ja": "古"}})
        since = datetime.now(UTC).isoformat()
        await asyncio.sleep(0.01)
        producer = await make_producer(http)
        product = await make_product(http, producer["id"], "new")
        place = await http.post(
            "/v1/places", json={"slug": "new", "kind": "onsen", "name": {"ja": "新"}}
        )
        await http.patch(f"/v1/products/{old_product['id']}", json={"tags": ["changed"]})

        def ids(response: httpx.Response) -> set[str]:
            assert response.status_code == 200, response.text
            return {item["id"] for item in response.json()["items"]}

        params = {"updated_since": since}
        assert ids(await http.get("/v1/products", params=params)) == {
            product["id"],
            old_product["id"],
        }
        assert ids(await http.get("/v1/producers", params=params)) == {producer["id"]}
        assert ids(await http.get("/v1/places", params=params)) == {place.json()["id"]}
