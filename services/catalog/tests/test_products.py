import asyncio
import json
import uuid
from collections.abc import Callable

import httpx

from kit.auth import InternalPrincipal
from kit.errors import type_uri
from kit.events.bus import Delivery
from kit.events.memory import MemoryBus
from kit.events.relay import Relay
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
GARLIC = {"ja": "熟成黒にんにく", "en": "Aged black garlic"}


async def make_product(http: httpx.AsyncClient, slug: str = "black-garlic") -> dict:
    producer = await http.post(
        "/v1/producers", json={"kind": "farm", "name": {"ja": "武雄農園", "en": "Takeo Farm"}}
    )
    assert producer.status_code == 201, producer.text
    product = await http.post(
        "/v1/products",
        json={
            "producer_id": producer.json()["id"],
            "slug": slug,
            "name": GARLIC,
            "price_amount": 1980,
        },
    )
    assert product.status_code == 201, product.text
    return product.json()


async def test_publishing_a_product_emits_product_published(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    product = await make_product(http)
    published = await http.post(f"/v1/products/{product['id']}/publish")
    assert published.status_code == 200
    assert published.json()["status"] == "published"

    bus = MemoryBus()
    seen: list[Delivery] = []

    async def capture(delivery: Delivery) -> None:
        seen.append(delivery)

    await bus.subscribe("test.catalog-events", ["catalog.product.#"], capture)
    await Relay(runtime.db, bus, service="catalog").run_once()
    await asyncio.sleep(0.05)
    envelopes = [json.loads(d.body) for d in seen]
    mine = [e for e in envelopes if e["tenant_id"] == str(tenant)]
    assert [e["type"] for e in mine] == ["catalog.product.published.v1"]
    payload = mine[0]["payload"]
    assert payload["product_id"] == product["id"]
    assert payload["name"] == GARLIC
    assert payload["producer_name"]["en"] == "Takeo Farm"
    assert payload["prices"] == [{"amount": 1980, "currency": "JPY"}]


async def test_another_tenants_product_is_404(as_user: Client) -> None:
    product = await make_product(as_user(principal(uuid.uuid4())))
    other = as_user(principal(uuid.uuid4()))
    response = await other.get(f"/v1/products/{product['id']}")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert (await other.post(f"/v1/products/{product['id']}/publish")).status_code == 404


async def test_list_shows_only_own_products(as_user: Client) -> None:
    mine = as_user(principal(uuid.uuid4()))
    await make_product(mine, "onsen-tofu")
    await make_product(as_user(principal(uuid.uuid4())), "onsen-tofu")
    listed = (await mine.get("/v1/products")).json()
    assert [p["slug"] for p in listed["items"]] == ["onsen-tofu"]


async def test_list_pages_with_a_cursor(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    for i in range(3):
        await make_product(http, f"item-{i}")
    first = (await http.get("/v1/products", params={"limit": 2})).json()
    second = (await http.get("/v1/products", params={"cursor": first["next_cursor"]})).json()
    slugs = [p["slug"] for p in first["items"] + second["items"]]
    assert sorted(slugs) == ["item-0", "item-1", "item-2"]
    assert second["next_cursor"] is None


async def test_bad_cursor_is_a_400_problem(as_user: Client) -> None:
    response = await as_user(principal(uuid.uuid4())).get("/v1/products?cursor=nonsense")
    assert response.status_code == 400
    assert response.json()["type"] == type_uri("invalid-input")


async def test_publishing_over_the_plan_quota_is_refused(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4(), limits={"active_products": 1}))
    first = await make_product(http, "first")
    second = await make_product(http, "second")
    assert (await http.post(f"/v1/products/{first['id']}/publish")).status_code == 200
    refused = await http.post(f"/v1/products/{second['id']}/publish")
    assert refused.status_code == 403
    assert refused.json()["type"] == type_uri("quota-exceeded")


async def test_product_of_unknown_producer_is_404(as_user: Client) -> None:
    response = await as_user(principal(uuid.uuid4())).post(
        "/v1/products", json={"producer_id": str(uuid.uuid4()), "slug": "x", "name": GARLIC}
    )
    assert response.status_code == 404


async def test_invalid_body_is_422_problem(as_user: Client) -> None:
    response = await as_user(principal(uuid.uuid4())).post(
        "/v1/producers", json={"kind": "spaceship", "name": {}}
    )
    assert response.status_code == 422
    assert response.json()["type"] == type_uri("validation-error")


async def test_duplicate_slug_is_409(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    await make_product(http, "same")
    producer = (await http.get("/v1/producers")).json()["items"][0]
    again = await http.post(
        "/v1/products", json={"producer_id": producer["id"], "slug": "same", "name": GARLIC}
    )
    assert again.status_code == 409
