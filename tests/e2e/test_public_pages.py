"""The public city page and storefront, composed by the gateway from the real services running
as separate processes over RabbitMQ: buy links that reach the store, fresh after a change, and
still answering with the publisher down."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import asyncpg
import httpx
import pytest
from jsonschema_rs import Draft202012Validator  # schemathesis brings it (make fuzz)

from kit.migrations import asyncpg_dsn
from kit.testing.waiting import eventually_sync

from .conftest import Platform
from .processes import wait_http

TTL_SECONDS = 30  # the gateway's default PUBLIC_CACHE_TTL_SECONDS
BURST = 300


def clicks_of(platform: Platform, code: str) -> int:
    """Clicks analytics has written for `code` (read as the database owner)."""

    async def count() -> int:
        conn = await asyncpg.connect(asyncpg_dsn(platform.settings.owner_url("analytics")))
        try:
            return int(await conn.fetchval("SELECT count(*) FROM clicks WHERE code = $1", code))
        finally:
            await conn.close()

    return asyncio.run(count())


class StoreItems(BaseHTTPRequestHandler):
    """A store on loopback whose item pages answer 200 (a generic store, e.g. Yahoo! Shopping)."""

    def do_GET(self) -> None:
        ok = self.path.startswith("/takeo-furusato/")
        body = f"<h1>{self.path}</h1>".encode() if ok else b"no such item"
        self.send_response(200 if ok else 404)
        self.send_header("content-type", "text/html; charset=utf-8")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture(scope="module")
def store_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), StoreItems)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@dataclass
class Seeded:
    slug: str
    admin: httpx.Client
    product_id: str
    item_url: str
    buy_code: str


def seed_town(platform: Platform, store_url: str) -> Seeded:
    """Through the gateway: a published product listed in the store, and the buy link analytics
    made for it."""
    slug = f"takeo-{uuid.uuid4().hex[:6]}"
    admin = platform.tenant_admin(slug)
    producer = admin.post("/v1/producers", json={"kind": "farm", "name": {"en": "Takeo Farm"}})
    assert producer.status_code == 201, producer.text
    product = admin.post(
        "/v1/products",
        json={
            "producer_id": producer.json()["id"],
            "slug": "black-garlic",
            "name": {"en": "Aged black garlic", "ja": "熟成黒にんにく"},
            "price_amount": 1980,
            "variants": [{"sku": "garlic-200", "unit": "g", "quantity": 200, "price_amount": 1980}],
        },
    )
    assert product.status_code == 201, product.text
    product_id = product.json()["id"]
    assert admin.post(f"/v1/products/{product_id}/publish").status_code == 200
    draft = admin.post(
        "/v1/products",
        json={"producer_id": producer.json()["id"], "slug": "draft-tea", "name": {"en": "Tea"}},
    )
    assert draft.status_code == 201, draft.text
    store = admin.post(
        "/v1/storefronts",
        json={
            "kind": "generic",
            "name": "Furusato store",
            "item_url_template": f"{store_url}/{{store}}/{{item}}.html",
            "store": "takeo-furusato",
        },
    )
    assert store.status_code == 201, store.text
    listing = admin.post(
        "/v1/listings",
        json={
            "storefront_id": store.json()["id"],
            "variant_id": product.json()["variants"][0]["id"],
            "external_id": "kuro-ninniku-200",
            "stock": 7,
        },
    )
    assert listing.status_code == 201, listing.text
    item_url = listing.json()["url"]

    def city_page_link() -> dict[str, str] | None:
        # analytics makes the product's buy link itself once the listing's event reaches it
        links = admin.get("/v1/links", params={"limit": 200}).json()["items"]
        made = [
            link
            for link in links
            if link["product_id"] == product_id
            and link["utm"].get("utm_medium") == "city_page"
            and link["destination"] == item_url
        ]
        return made[0] if made else None

    link = eventually_sync(city_page_link, timeout=60, what="the product's city-page link")
    return Seeded(slug, admin, product_id, item_url, link["code"])


def public_get(platform: Platform, path: str) -> httpx.Response:
    response = httpx.get(f"{platform.url}{path}", headers={"Accept-Language": "en"}, timeout=30)
    assert response.status_code == 200, response.text
    return response


@pytest.mark.slow
class TestPublicPagesOverRabbitMQ:
    def test_city_page_shows_the_product_with_a_tracked_buy_link_to_the_store(
        self, split_platform: Platform, store_url: str
    ) -> None:
        town = seed_town(split_platform, store_url)

        page = public_get(split_platform, f"/public/{town.slug}").json()

        assert page["town"]["slug"] == town.slug
        assert page["posts"]["available"] is True
        (garlic,) = page["products"]["items"]  # the draft is not shown
        assert (garlic["id"], garlic["name"]) == (town.product_id, "Aged black garlic")
        assert garlic["buy_url"] == f"/r/{town.buy_code}"
        assert page["places"]["available"] is True

        redirect = httpx.get(f"{split_platform.url}{garlic['buy_url']}", timeout=30)
        assert redirect.status_code == 302, redirect.text
        location = redirect.headers["location"]
        assert location.split("?")[0] == town.item_url
        assert httpx.get(location, timeout=10).status_code == 200  # the store's item page

    def test_every_redirect_of_a_burst_is_one_recorded_click(
        self, split_platform: Platform, store_url: str
    ) -> None:
        town = seed_town(split_platform, store_url)
        headers = {"User-Agent": "Mozilla/5.0 (iPhone) Mobile Safari"}

        async def burst() -> list[int]:
            limits = httpx.Limits(max_connections=32)
            async with httpx.AsyncClient(base_url=split_platform.url, limits=limits) as http:
                answers = await asyncio.gather(
                    *(http.get(f"/r/{town.buy_code}", headers=headers) for _ in range(BURST))
                )
            return [a.status_code for a in answers]

        assert asyncio.run(burst()) == [302] * BURST
        # The gateway hands its clicks to analytics, which writes them: each click once.
        recorded = eventually_sync(
            lambda: (n := clicks_of(split_platform, town.buy_code)) >= BURST and n,
            timeout=60,
            what="the burst's clicks recorded",
        )
        assert recorded == BURST

    def test_store_page_shows_listing_stock_and_buy_link(
        self, split_platform: Platform, store_url: str
    ) -> None:
        town = seed_town(split_platform, store_url)

        store = public_get(split_platform, f"/public/{town.slug}/store").json()

        (garlic,) = store["products"]["items"]
        assert garlic["buy_url"] == f"/r/{town.buy_code}"
        (listing,) = garlic["listings"]
        assert (listing["url"], listing["stock"]) == (town.item_url, 7)
        product = public_get(split_platform, f"/public/{town.slug}/products/black-garlic").json()
        assert product["product"]["buy_url"] == f"/r/{town.buy_code}"
        drafts = httpx.get(f"{split_platform.url}/public/{town.slug}/products/draft-tea")
        assert drafts.status_code == 404

    def test_each_page_conforms_to_its_schema_in_the_merged_document(
        self, split_platform: Platform, store_url: str
    ) -> None:
        town = seed_town(split_platform, store_url)
        document = httpx.get(f"{split_platform.url}/openapi.json", timeout=60).json()

        for template, path in [
            ("/public/{town}", f"/public/{town.slug}"),
            ("/public/{town}/store", f"/public/{town.slug}/store"),
            ("/public/{town}/products/{slug}", f"/public/{town.slug}/products/black-garlic"),
        ]:
            answer = document["paths"][template]["get"]["responses"]["200"]
            schema = answer["content"]["application/json"]["schema"]
            validator = Draft202012Validator({**schema, "components": document["components"]})
            errors = [
                e.message for e in validator.iter_errors(public_get(split_platform, path).json())
            ]
            assert errors == [], template

    def test_a_price_change_shows_before_the_cache_expires(
        self, split_platform: Platform, store_url: str
    ) -> None:
        town = seed_town(split_platform, store_url)
        path = f"/public/{town.slug}"
        assert public_get(split_platform, path).json()["products"]["items"][0]["price_amount"] == (
            1980
        )
        changed_at = time.monotonic()

        patched = town.admin.patch(f"/v1/products/{town.product_id}", json={"price_amount": 2200})
        assert patched.status_code == 200, patched.text

        def shows_new_price() -> bool:
            items = public_get(split_platform, path).json()["products"]["items"]
            return bool(items[0]["price_amount"] == 2200)

        eventually_sync(shows_new_price, timeout=TTL_SECONDS - 10, what="the new price")
        assert time.monotonic() - changed_at < TTL_SECONDS - 10

    def test_with_the_publisher_stopped_the_page_answers_with_posts_unavailable(
        self, split_platform: Platform, store_url: str
    ) -> None:
        town = seed_town(split_platform, store_url)
        split_platform.machi.kill("publisher-api")
        try:
            page = public_get(split_platform, f"/public/{town.slug}")

            document = page.json()
            assert document["posts"] == {"available": False}
            assert document["products"]["items"][0]["buy_url"] == f"/r/{town.buy_code}"
            assert document["places"]["available"] is True
            assert page.headers["cache-control"] == "public, max-age=5"
        finally:
            port = split_platform.ports["publisher"]
            split_platform.machi.start(
                "publisher-api", "--target=publisher-api", "--port", str(port)
            )
            wait_http(f"http://127.0.0.1:{port}/healthz", timeout=300)  # for later tests
