"""The city page's buy buttons: one tracked link per published product with a store listing,
made from the catalog's events, and each link's click count for the town's staff."""

import uuid
from collections.abc import Callable

import asyncpg
import httpx
from fastapi import FastAPI

from analytics.handlers import on_product_published, on_product_updated
from contracts import samples
from contracts.catalog import ProductUpdatedV1
from kit.auth import InternalPrincipal
from kit.events import consumer
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery, principal

from .helpers import BROWSER_UA, STORE, allow_store, anonymous, flush, new_link, roll_up

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
ITEM = f"https://{STORE}/takeo/garlic.html"


async def test_a_published_product_with_a_listing_gets_one_buy_link_for_the_public_pages(
    runtime: ServiceRuntime, as_user: Client, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    await allow_store(runtime.db, tenant)
    published = samples.product_published(storefront_urls=[ITEM])
    assert await consumer.handle(on_product_published, runtime.db, delivery(published, tenant))
    again = delivery(samples.product_published(**published.model_dump()), tenant)
    assert await consumer.handle(on_product_published, runtime.db, again)  # republished

    shown = (await as_user(anonymous(tenant)).get("/v1/links")).json()["items"]

    [link] = shown
    assert link["product_id"] == str(published.product_id)
    assert link["destination"] == ITEM
    answer = await as_user(anonymous()).get(f"/r/{link['code']}")
    assert answer.status_code == 302
    assert answer.headers["location"].startswith(ITEM)
    assert "utm_medium=city_page" in answer.headers["location"]
    created = await owner.fetchval(
        "SELECT count(*) FROM outbox WHERE tenant_id = $1 AND event_type = $2",
        tenant,
        "analytics.link.created.v1",
    )
    assert created == 1  # the gateway drops the town's cached pages on it


async def test_a_product_that_arrives_before_the_towns_store_domains_gets_its_link_after(
    runtime: ServiceRuntime, as_user: Client
) -> None:
    # Catalog's and the gateway's events come on different queues: the product can be first.
    tenant = uuid.uuid4()
    published = samples.product_published(storefront_urls=[ITEM])
    assert await consumer.handle(on_product_published, runtime.db, delivery(published, tenant))
    assert (await as_user(principal(tenant)).get("/v1/links")).json()["items"] == []

    await allow_store(runtime.db, tenant)

    [link] = (await as_user(principal(tenant)).get("/v1/links")).json()["items"]
    assert link["product_id"] == str(published.product_id)
    assert link["destination"] == ITEM
    answer = await as_user(anonymous()).get(f"/r/{link['code']}")
    assert answer.status_code == 302
    assert answer.headers["location"].startswith(ITEM)


async def test_products_that_arrive_before_the_store_domains_each_get_their_own_link(
    runtime: ServiceRuntime, as_user: Client
) -> None:
    tenant = uuid.uuid4()
    items = {f"https://{STORE}/takeo/{name}.html" for name in ("tofu", "tea", "garlic")}
    for item in sorted(items):
        published = samples.product_published(storefront_urls=[item])
        assert await consumer.handle(on_product_published, runtime.db, delivery(published, tenant))
    await allow_store(runtime.db, tenant)
    await allow_store(runtime.db, tenant)  # announced again: no second link for any product

    shown = (await as_user(principal(tenant)).get("/v1/links")).json()["items"]

    assert sorted(link["destination"] for link in shown) == sorted(items)
    assert len({link["product_id"] for link in shown}) == 3


async def test_the_buy_link_follows_the_products_listing(
    runtime: ServiceRuntime, as_user: Client
) -> None:
    tenant = uuid.uuid4()
    await allow_store(runtime.db, tenant)
    published = samples.product_published(storefront_urls=[ITEM])
    assert await consumer.handle(on_product_published, runtime.db, delivery(published, tenant))
    moved = f"https://{STORE}/takeo/garlic-500g.html"
    updated = ProductUpdatedV1(
        **{**published.model_dump(), "storefront_urls": [moved], "status": "published"}
    )
    assert await consumer.handle(on_product_updated, runtime.db, delivery(updated, tenant))

    [link] = (await as_user(anonymous(tenant)).get("/v1/links")).json()["items"]
    assert link["destination"] == moved
    answer = await as_user(anonymous()).get(f"/r/{link['code']}")
    assert answer.headers["location"].startswith(moved)


async def test_no_buy_link_without_a_listing_or_to_a_foreign_store(
    runtime: ServiceRuntime, as_user: Client
) -> None:
    tenant = uuid.uuid4()
    await allow_store(runtime.db, tenant)
    unlisted = samples.product_published()
    foreign = samples.product_published(storefront_urls=["https://evil.example/garlic"])
    for event in (unlisted, foreign):
        assert await consumer.handle(on_product_published, runtime.db, delivery(event, tenant))

    assert (await as_user(principal(tenant)).get("/v1/links")).json()["items"] == []


async def test_staff_see_each_links_clicks_and_visitors_do_not(
    runtime: ServiceRuntime, as_user: Client, app: FastAPI
) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    await allow_store(runtime.db, tenant)
    clicked = await new_link(admin, product_id=str(uuid.uuid4()))
    quiet = await new_link(admin)
    visitor = as_user(anonymous())
    for _ in range(2):
        answer = await visitor.get(f"/r/{clicked['code']}", headers={"User-Agent": BROWSER_UA})
        assert answer.status_code == 302
    await flush(app)
    await roll_up(runtime)

    listed = (await admin.get("/v1/links")).json()["items"]
    counts = {link["code"]: link["clicks"] for link in listed}
    assert counts == {clicked["code"]: 2, quiet["code"]: 0}
    public = (await as_user(anonymous(tenant)).get("/v1/links")).json()["items"]
    assert [link["clicks"] for link in public] == [None]
