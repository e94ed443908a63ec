import uuid
from collections.abc import Callable

import asyncpg
import httpx
from fastapi import FastAPI

from analytics.handlers import on_link_requested, on_tenant_created
from contracts import samples
from contracts.publisher import LinkRequestedV1
from kit.auth import InternalPrincipal
from kit.events import consumer
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery, principal

from .helpers import STORE, anonymous

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def town(runtime: ServiceRuntime, tenant: uuid.UUID) -> None:
    created = samples.tenant_created(population=50_000, allowed_store_domains=[STORE])
    assert await consumer.handle(on_tenant_created, runtime.db, delivery(created, tenant))


async def outbox_types(owner: asyncpg.Connection, tenant: uuid.UUID) -> list[str]:
    rows = await owner.fetch(
        "SELECT event_type FROM outbox WHERE tenant_id = $1 ORDER BY occurred_at", tenant
    )
    return [r["event_type"] for r in rows]


async def test_tenant_created_sets_store_domains_timezone_and_population(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    await town(runtime, tenant)
    settings = (await as_user(principal(tenant)).get("/v1/settings/tracking")).json()
    assert settings["allowed_store_domains"] == [STORE]
    assert (settings["timezone"], settings["population"]) == ("Asia/Tokyo", 50_000)


async def test_link_request_creates_the_link_once_and_answers_link_created(
    as_user: Client, runtime: ServiceRuntime, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    await town(runtime, tenant)
    code = f"d{uuid.uuid4().hex[:10]}"
    request = LinkRequestedV1(
        code=code,
        destination=f"https://{STORE}/takeo/garlic.html",
        utm={"utm_source": "facebook", "utm_medium": "social"},
        delivery_id=uuid.uuid4(),
        post_id=uuid.uuid4(),
        channel_id=uuid.uuid4(),
        platform="facebook",
        product_id=uuid.uuid4(),
        producer_id=uuid.uuid4(),
    )
    assert await consumer.handle(on_link_requested, runtime.db, delivery(request, tenant))
    again = delivery(request, tenant)  # the publisher asked twice: a new event, same code
    assert await consumer.handle(on_link_requested, runtime.db, again)
    assert await owner.fetchval("SELECT count(*) FROM links WHERE code = $1", code) == 1
    # Answered each time it is asked; routed to the gateway's redirect once, when it was made.
    assert sorted(await outbox_types(owner, tenant)) == [
        "analytics.link.created.v1",
        "analytics.link.created.v1",
        "analytics.link.routed.v1",
    ]
    envelope = await owner.fetchval(
        "SELECT envelope FROM outbox WHERE tenant_id = $1 LIMIT 1", tenant
    )
    assert f'"short_url": "https://machi.example/r/{code}"' in envelope or code in envelope
    response = await as_user(anonymous()).get(f"/r/{code}")
    assert response.status_code == 302
    assert "utm_medium=social" in response.headers["location"]


async def test_link_request_to_a_foreign_host_is_refused_with_an_event(
    runtime: ServiceRuntime, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    await town(runtime, tenant)
    request = LinkRequestedV1(
        code=f"f{uuid.uuid4().hex[:10]}",
        destination="javascript:alert(1)",
        delivery_id=uuid.uuid4(),
    )
    assert await consumer.handle(on_link_requested, runtime.db, delivery(request, tenant))
    assert await owner.fetchval("SELECT count(*) FROM links WHERE tenant_id = $1", tenant) == 0
    assert await outbox_types(owner, tenant) == ["analytics.link.refused.v1"]


async def test_another_tenants_link_is_404(as_user: Client, runtime: ServiceRuntime) -> None:
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    await town(runtime, theirs)
    link = (
        await as_user(principal(theirs)).post(
            "/v1/links", json={"destination": f"https://{STORE}/x"}
        )
    ).json()
    assert (await as_user(principal(mine)).get(f"/v1/links/{link['id']}")).status_code == 404
    taken = await as_user(principal(mine)).post(
        "/v1/links", json={"destination": "https://machi.example/public/t", "code": link["code"]}
    )
    assert taken.status_code == 409


async def test_links_are_listed_newest_first_with_a_cursor(as_user: Client) -> None:
    admin = as_user(principal(uuid.uuid4()))
    codes = []
    for _ in range(3):
        link = (
            await admin.post(
                "/v1/links", json={"destination": "https://machi.example/public/takeo"}
            )
        ).json()
        codes.append(link["code"])
    first = (await admin.get("/v1/links?limit=2")).json()
    second = (await admin.get(f"/v1/links?limit=2&cursor={first['next_cursor']}")).json()
    listed = [i["code"] for i in first["items"] + second["items"]]
    assert listed == codes[::-1]
    assert second["next_cursor"] is None


def test_openapi_has_the_public_paths_and_unique_operation_ids(app: FastAPI) -> None:
    schema = app.openapi()
    assert {"/r/{code}", "/webhooks/{town}/shopify", "/v1/reports/overview"} <= set(schema["paths"])
    ids = [op["operationId"] for path in schema["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids))
