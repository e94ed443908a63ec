"""Bulk publish: up to 500 products in one call, all or nothing, one event each."""

import uuid
from collections.abc import Callable

import httpx

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

from .conftest import producer_user
from .helpers import make_producer, make_product, relayed

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
PUBLISHED = "catalog.product.published.v1"


async def statuses(http: httpx.AsyncClient) -> dict[str, str]:
    listed = (await http.get("/v1/products", params={"limit": 200})).json()["items"]
    return {p["id"]: p["status"] for p in listed}


async def test_one_call_publishes_100_products_with_one_event_each(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    producer = await make_producer(http)
    ids = [(await make_product(http, producer["id"], f"p-{i}"))["id"] for i in range(100)]
    response = await http.post("/v1/products/publish", json={"ids": ids})
    assert response.status_code == 200, response.text
    body = response.json()
    assert [p["id"] for p in body["items"]] == ids
    assert sorted(body["published"]) == sorted(ids)
    assert set((await statuses(http)).values()) == {"published"}
    events = await relayed(runtime, tenant, PUBLISHED)
    assert sorted(e["payload"]["product_id"] for e in events) == sorted(ids)
    assert events[0]["payload"]["prices"] == [{"amount": 1980, "currency": "JPY"}]


async def test_one_unpublishable_id_publishes_nothing_and_each_failure_is_named(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    producer = await make_producer(http)
    good = await make_product(http, producer["id"], "good")
    archived = await make_product(http, producer["id"], "gone")
    await http.post(f"/v1/products/{archived['id']}/archive")
    priceless = await make_product(http, producer["id"], "priceless", variants=[])
    unknown = str(uuid.uuid4())
    other_town = as_user(principal(uuid.uuid4()))
    foreign = await make_product(other_town, (await make_producer(other_town))["id"])
    ids = [good["id"], archived["id"], priceless["id"], unknown, foreign["id"]]

    response = await http.post("/v1/products/publish", json={"ids": ids})

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"].endswith("products-not-publishable")
    reasons = {e["product_id"]: e["reason"] for e in problem["errors"]}
    assert set(reasons) == {archived["id"], priceless["id"], unknown, foreign["id"]}
    assert "archived" in reasons[archived["id"]]
    assert "price or a variant" in reasons[priceless["id"]]
    assert reasons[unknown] == reasons[foreign["id"]] == "no such product"
    assert (await statuses(http))[good["id"]] == "draft"
    assert await relayed(runtime, tenant, PUBLISHED) == []


async def test_already_published_products_are_kept_without_a_second_event(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    producer = await make_producer(http)
    first = await make_product(http, producer["id"], "first")
    second = await make_product(http, producer["id"], "second")
    await http.post(f"/v1/products/{first['id']}/publish")
    response = await http.post(
        "/v1/products/publish", json={"ids": [first["id"], second["id"], second["id"]]}
    )
    assert response.status_code == 200, response.text
    assert response.json()["published"] == [second["id"]]
    events = await relayed(runtime, tenant, PUBLISHED)
    assert sorted(e["payload"]["product_id"] for e in events) == sorted([first["id"], second["id"]])


async def test_the_plan_quota_counts_the_whole_batch(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4(), limits={"active_products": 2}))
    producer = await make_producer(http)
    ids = [(await make_product(http, producer["id"], f"q-{i}"))["id"] for i in range(3)]
    response = await http.post("/v1/products/publish", json={"ids": ids})
    assert response.status_code == 403
    assert response.json()["type"].endswith("quota-exceeded")
    assert set((await statuses(http)).values()) == {"draft"}


async def test_more_than_500_ids_or_none_is_refused(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    too_many = [str(uuid.uuid4()) for _ in range(501)]
    assert (await http.post("/v1/products/publish", json={"ids": too_many})).status_code == 422
    assert (await http.post("/v1/products/publish", json={"ids": []})).status_code == 422


async def test_roles_are_those_of_single_publish(as_user: Client) -> None:
    tenant = uuid.uuid4()
    staff = as_user(principal(tenant))
    mine = await make_producer(staff)
    theirs = await make_producer(staff, name={"ja": "他の農園"})
    own = await make_product(staff, mine["id"], "own")
    other = await make_product(staff, theirs["id"], "other")
    analyst = as_user(principal(tenant, roles=("analyst",)))
    refused = await analyst.post("/v1/products/publish", json={"ids": [own["id"]]})
    assert refused.status_code == 403
    producer = as_user(producer_user(tenant, uuid.UUID(mine["id"])))
    mixed = await producer.post("/v1/products/publish", json={"ids": [own["id"], other["id"]]})
    assert mixed.status_code == 400
    assert [e["product_id"] for e in mixed.json()["errors"]] == [other["id"]]
    allowed = await producer.post("/v1/products/publish", json={"ids": [own["id"]]})
    assert allowed.status_code == 200, allowed.text
    assert allowed.json()["published"] == [own["id"]]
