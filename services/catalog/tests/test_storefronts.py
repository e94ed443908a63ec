"""Storefronts: a Shopify-shaped store served on loopback, synced on demand and by the job."""

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from sqlalchemy import text

from catalog.roles import background_roles
from catalog.settings import CatalogSettings
from catalog.storefronts.jobs import sync_all
from catalog.storefronts.shopify import pause_for_bucket
from kit.auth import InternalPrincipal
from kit.errors import type_uri
from kit.events.bus import Delivery
from kit.events.rabbitmq import RabbitBus
from kit.events.relay import Relay
from kit.runtime import ServiceRuntime
from kit.testing.fakes import serve
from kit.testing.platforms import SHOPIFY_TOKEN, WOO_KEY, WOO_SECRET, FakeShopify, FakeWooCommerce
from kit.testing.plugin import principal

from .helpers import make_producer, make_product, relayed

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


@pytest.fixture
async def shop() -> AsyncIterator[tuple[FakeShopify, str]]:
    fake = FakeShopify()
    async with serve(fake.app) as base_url:
        yield fake, base_url


async def connect(http: httpx.AsyncClient, base_url: str, token: str = SHOPIFY_TOKEN) -> dict:
    response = await http.post(
        "/v1/storefronts",
        json={
            "kind": "shopify",
            "name": "Takeo Shopify",
            "api_base_url": base_url,
            "credentials": {"access_token": token},
        },
    )
    assert response.status_code == 201, response.text
    return response.json()


async def garlic_in_shop(http: httpx.AsyncClient, fake: FakeShopify) -> dict:
    producer = await make_producer(http)
    product = await make_product(http, producer["id"], f"bg-{uuid.uuid4().hex[:6]}")
    sku = product["variants"][0]["sku"]
    fake.add(
        7001,
        "black-garlic",
        [
            {
                "id": 9001,
                "sku": sku,
                "price": "1980.00",
                "inventory_quantity": 5,
                "inventory_management": "shopify",
            }
        ],
    )
    return product


async def test_sync_shows_store_price_and_stock_and_emits_stock_changed_once(
    as_user: Client, runtime: ServiceRuntime, shop: tuple[FakeShopify, str]
) -> None:
    fake, base_url = shop
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    product = await garlic_in_shop(http, fake)
    store = await connect(http, base_url)
    first = (await http.post(f"/v1/storefronts/{store['id']}/sync")).json()
    assert (first["listings_linked"], first["listings_changed"]) == (1, 0)

    fake.variant(9001).update(price="2200.00", inventory_quantity=3)
    second = await http.post(f"/v1/storefronts/{store['id']}/sync")
    third = await http.post(f"/v1/storefronts/{store['id']}/sync")
    assert second.json()["listings_changed"] == 1
    assert third.json()["listings_changed"] == 0

    [listing] = (await http.get("/v1/listings", params={"storefront_id": store["id"]})).json()[
        "items"
    ]
    assert (listing["price_amount"], listing["stock"]) == (2200, 3)
    assert listing["url"] == f"{base_url}/products/black-garlic?variant=9001"
    events = await relayed(runtime, tenant, "catalog.product.stock_changed.v1")
    assert len(events) == 1
    payload = events[0]["payload"]
    assert payload["product_id"] == product["id"]
    assert (payload["previous_stock"], payload["stock"]) == (5, 3)
    assert payload["price"] == {"amount": 2200, "currency": "JPY"}
    assert payload["storefront_id"] == store["id"]


async def test_a_429_is_honoured_by_waiting_retry_after(
    as_user: Client, shop: tuple[FakeShopify, str]
) -> None:
    fake, base_url = shop
    http = as_user(principal(uuid.uuid4()))
    await garlic_in_shop(http, fake)
    store = await connect(http, base_url)
    fake.throttle_next = 1
    synced = await http.post(f"/v1/storefronts/{store['id']}/sync")
    assert synced.status_code == 200, synced.text
    assert synced.json()["listings_linked"] == 1
    assert len(fake.calls) == 2
    assert fake.calls[1] - fake.calls[0] >= 0.3


async def test_a_retry_after_longer_than_allowed_is_a_502_and_changes_nothing(
    as_user: Client, shop: tuple[FakeShopify, str]
) -> None:
    fake, base_url = shop
    http = as_user(principal(uuid.uuid4()))
    await garlic_in_shop(http, fake)
    store = await connect(http, base_url)
    fake.throttle_next, fake.retry_after = 1, "60"
    refused = await http.post(f"/v1/storefronts/{store['id']}/sync")
    assert refused.status_code == 502
    assert refused.json()["type"] == type_uri("store-unavailable")
    listed = (await http.get("/v1/listings", params={"storefront_id": store["id"]})).json()
    assert listed["items"] == []


def test_a_nearly_full_call_bucket_pauses_before_the_next_call() -> None:
    full = httpx.Response(200, headers={"X-Shopify-Shop-Api-Call-Limit": "39/40"})
    roomy = httpx.Response(200, headers={"X-Shopify-Shop-Api-Call-Limit": "3/40"})
    assert pause_for_bucket(full) == 1.0
    assert pause_for_bucket(roomy) == 0.0


async def test_credentials_are_encrypted_at_rest_and_never_returned(
    as_user: Client, runtime: ServiceRuntime, shop: tuple[FakeShopify, str]
) -> None:
    _, base_url = shop
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    store = await connect(http, base_url)
    shown = await http.get(f"/v1/storefronts/{store['id']}")
    assert SHOPIFY_TOKEN not in shown.text
    assert shown.json()["has_credentials"] is True
    async with runtime.db.transaction(tenant) as session:
        stored = (
            await session.execute(
                text("SELECT credentials FROM storefronts WHERE id = :id"), {"id": store["id"]}
            )
        ).scalar_one()
    assert SHOPIFY_TOKEN.encode() not in bytes(stored)


async def test_wrong_token_is_a_502_problem(as_user: Client, shop: tuple[FakeShopify, str]) -> None:
    _, base_url = shop
    http = as_user(principal(uuid.uuid4()))
    store = await connect(http, base_url, token="wrong")
    response = await http.post(f"/v1/storefronts/{store['id']}/sync")
    assert response.status_code == 502


async def test_the_scheduled_job_syncs_every_tenants_store(
    as_user: Client,
    runtime: ServiceRuntime,
    catalog_settings: CatalogSettings,
    shop: tuple[FakeShopify, str],
) -> None:
    fake, base_url = shop
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    await garlic_in_shop(http, fake)
    store = await connect(http, base_url)
    await http.post(f"/v1/storefronts/{store['id']}/sync")
    fake.variant(9001).update(inventory_quantity=0)
    # Stores of earlier tests are gone: no retries, so their refusals cost nothing.
    impatient = catalog_settings.model_copy(update={"store_max_retries": 0})
    assert await sync_all(runtime, impatient) >= 1
    [listing] = (await http.get("/v1/listings", params={"storefront_id": store["id"]})).json()[
        "items"
    ]
    assert listing["stock"] == 0


async def test_generic_store_builds_item_urls_from_its_template(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    producer = await make_producer(http)
    product = await make_product(http, producer["id"])
    store = await http.post(
        "/v1/storefronts",
        json={
            "kind": "generic",
            "name": "Yahoo! Shopping",
            "item_url_template": "https://store.shopping.yahoo.co.jp/{store}/{item}.html",
            "store": "takeo-furusato",
        },
    )
    assert store.status_code == 201, store.text
    listing = await http.post(
        "/v1/listings",
        json={
            "storefront_id": store.json()["id"],
            "variant_id": product["variants"][0]["id"],
            "external_id": "kuro-ninniku-200",
        },
    )
    assert listing.status_code == 201, listing.text
    assert (
        listing.json()["url"]
        == "https://store.shopping.yahoo.co.jp/takeo-furusato/kuro-ninniku-200.html"
    )


async def test_analyst_cannot_connect_a_store(as_user: Client) -> None:
    analyst = as_user(principal(uuid.uuid4(), roles=("analyst",)))
    response = await analyst.post(
        "/v1/storefronts", json={"kind": "generic", "name": "x", "item_url_template": "{item}"}
    )
    assert response.status_code == 403


@pytest.mark.broker
async def test_stock_changed_reaches_rabbitmq_once(
    as_user: Client,
    runtime: ServiceRuntime,
    rabbit_bus: RabbitBus,
    shop: tuple[FakeShopify, str],
) -> None:
    fake, base_url = shop
    tenant = uuid.uuid4()
    received: list[dict] = []

    async def handler(delivery: Delivery) -> None:
        envelope = json.loads(delivery.body)
        if envelope["tenant_id"] == str(tenant):
            received.append(envelope)

    await rabbit_bus.subscribe("test.catalog-stock", ["catalog.product.stock_changed.v1"], handler)
    http = as_user(principal(tenant))
    await garlic_in_shop(http, fake)
    store = await connect(http, base_url)
    await http.post(f"/v1/storefronts/{store['id']}/sync")
    fake.variant(9001).update(inventory_quantity=1)
    for _ in range(3):
        await http.post(f"/v1/storefronts/{store['id']}/sync")
    relay = Relay(runtime.db, rabbit_bus, service="catalog")
    while await relay.run_once():
        pass
    for _ in range(100):
        if received:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)  # a second copy would have arrived by now
    assert [e["payload"]["stock"] for e in received] == [1]


def test_the_worker_role_runs_the_storefront_sync(runtime: ServiceRuntime) -> None:
    assert [r.name for r in background_roles(runtime)] == ["catalog-relay", "catalog-worker"]


async def test_woocommerce_simple_and_variable_products_sync(as_user: Client) -> None:
    fake = FakeWooCommerce()
    async with serve(fake.app) as base_url:
        http = as_user(principal(uuid.uuid4()))
        producer = await make_producer(http)
        product = await make_product(http, producer["id"], "tea")
        await http.post(
            f"/v1/products/{product['id']}/variants",
            json={"sku": "TEA-100", "price_amount": 1200},
        )
        fake.products = (
            [
                {
                    "id": 11,
                    "type": "simple",
                    "sku": "tea-200g",
                    "price": "1980",
                    "manage_stock": True,
                    "stock_quantity": 4,
                    "permalink": f"{base_url}/product/tea-200g",
                },
            ]
            + [
                {
                    "id": 100 + i,
                    "type": "simple",
                    "sku": f"other-{i}",
                    "price": "1",
                    "manage_stock": False,
                    "stock_quantity": None,
                    "permalink": "",
                }
                for i in range(120)
            ]
            + [{"id": 12, "type": "variable", "sku": "", "slug": "tea-sets", "permalink": ""}]
        )
        fake.variations[12] = [
            {
                "id": 13,
                "sku": "TEA-100",
                "price": "1300",
                "manage_stock": True,
                "stock_quantity": 9,
                "permalink": f"{base_url}/product/tea-sets?v=13",
            },
        ]
        store = await http.post(
            "/v1/storefronts",
            json={
                "kind": "woocommerce",
                "name": "Takeo Woo",
                "api_base_url": base_url,
                "credentials": {"consumer_key": WOO_KEY, "consumer_secret": WOO_SECRET},
            },
        )
        report = (await http.post(f"/v1/storefronts/{store.json()['id']}/sync")).json()
        assert report["items_seen"] == 122
        assert report["listings_linked"] == 2
        listed = (
            await http.get("/v1/listings", params={"storefront_id": store.json()["id"]})
        ).json()["items"]
        seen = sorted((li["external_id"], li["price_amount"], li["stock"]) for li in listed)
        assert seen == [("11", 1980, 4), ("13", 1300, 9)]
