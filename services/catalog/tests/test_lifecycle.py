"""Variants, translations, lifecycle and the events it emits."""

import uuid
from collections.abc import Callable

import httpx

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

from .helpers import make_producer, make_product, relayed
from .test_media import jpeg_with_gps

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def test_language_is_chosen_by_lang_then_accept_language_then_fallback(
    as_user: Client,
) -> None:
    http = as_user(principal(uuid.uuid4()))
    producer = await make_producer(http)
    product = await make_product(http, producer["id"])
    path = f"/v1/products/{product['id']}"
    by_query = (await http.get(path, params={"lang": "ko"})).json()
    by_header = (await http.get(path, headers={"Accept-Language": "fr, en;q=0.8"})).json()
    fallback = (await http.get(path, headers={"Accept-Language": "fr"})).json()
    assert (by_query["lang"], by_query["display_name"]) == ("ko", "숙성 흑마늘")
    assert (by_header["lang"], by_header["display_name"]) == ("en", "Aged black garlic")
    assert (fallback["lang"], fallback["display_name"]) == ("ja", "熟成黒にんにく")


async def test_publish_event_carries_names_producer_prices_media_and_store_urls(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    producer = await make_producer(http)
    uploaded = await http.post(
        "/v1/media", files={"file": ("garlic.jpg", jpeg_with_gps(), "image/jpeg")}
    )
    media_id = uploaded.json()["id"]
    product = await make_product(
        http, producer["id"], media=[{"media_id": media_id, "alt": {"ja": "黒にんにく"}}]
    )
    await http.post(
        f"/v1/products/{product['id']}/variants",
        json={"sku": "bg-500g", "unit": "g", "quantity": 500, "price_amount": 4200},
    )
    assert (await http.post(f"/v1/products/{product['id']}/publish")).status_code == 200
    [event] = await relayed(runtime, tenant, "catalog.product.published.v1")
    payload = event["payload"]
    assert payload["name"]["ko"] == "숙성 흑마늘"
    assert payload["producer_name"] == {"ja": "武雄農園", "en": "Takeo Farm"}
    assert payload["prices"] == [
        {"amount": 1980, "currency": "JPY"},
        {"amount": 4200, "currency": "JPY"},
    ]
    assert payload["media_urls"] == [f"https://town.example/v1/media/{media_id}/web"]


async def test_lifecycle_draft_published_archived_emits_each_event(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    producer = await make_producer(http)
    product = await make_product(http, producer["id"])
    await http.post(f"/v1/products/{product['id']}/publish")
    await http.patch(f"/v1/products/{product['id']}", json={"description": {"en": "Sweet"}})
    archived = await http.post(f"/v1/products/{product['id']}/archive")
    assert archived.json()["status"] == "archived"
    again = await http.post(f"/v1/products/{product['id']}/publish")
    assert again.status_code == 400
    types = [e["type"] for e in await relayed(runtime, tenant, "catalog.#")]
    assert types == [
        "catalog.producer.created.v1",
        "catalog.product.published.v1",
        "catalog.product.updated.v1",
        "catalog.product.archived.v1",
    ]


async def test_archiving_frees_a_place_in_the_quota(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4(), limits={"active_products": 1}))
    producer = await make_producer(http)
    first = await make_product(http, producer["id"], "first")
    second = await make_product(http, producer["id"], "second")
    await http.post(f"/v1/products/{first['id']}/publish")
    await http.post(f"/v1/products/{first['id']}/archive")
    assert (await http.post(f"/v1/products/{second['id']}/publish")).status_code == 200


async def test_variant_stock_change_emits_stock_changed_once(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    producer = await make_producer(http)
    product = await make_product(http, producer["id"])
    path = f"/v1/products/{product['id']}/variants/{product['variants'][0]['id']}"
    assert (await http.patch(path, json={"stock": 2})).json()["stock"] == 2
    await http.patch(path, json={"stock": 2})
    events = await relayed(runtime, tenant, "catalog.product.stock_changed.v1")
    assert [(e["payload"]["previous_stock"], e["payload"]["stock"]) for e in events] == [(5, 2)]


async def test_negative_price_and_unknown_currency_are_422(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    producer = await make_producer(http)
    bad = {"sku": "x", "price_amount": -1, "currency": "XXX"}
    response = await http.post(
        "/v1/products",
        json={"producer_id": producer["id"], "slug": "x", "name": {"ja": "x"}, "variants": [bad]},
    )
    assert response.status_code == 422
    fields = {tuple(e["loc"][-2:]) for e in response.json()["errors"]}
    assert {(0, "price_amount"), (0, "currency")} <= fields


async def test_media_of_another_tenant_cannot_be_attached(as_user: Client) -> None:
    other = as_user(principal(uuid.uuid4()))
    foreign = await other.post(
        "/v1/media", files={"file": ("garlic.jpg", jpeg_with_gps(), "image/jpeg")}
    )
    http = as_user(principal(uuid.uuid4()))
    producer = await make_producer(http)
    product = await make_product(http, producer["id"])
    response = await http.patch(
        f"/v1/products/{product['id']}", json={"media": [{"media_id": foreign.json()["id"]}]}
    )
    assert response.status_code == 404
