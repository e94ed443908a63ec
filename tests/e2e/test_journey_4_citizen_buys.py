"""Journey 4: a citizen buys (public visitor, store, analytics). JOURNEYS.md section 4."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

import httpx
import pytest

from kit.testing.waiting import eventually_sync
from machi_client import Client
from machi_client.api.conversions import conversions_list
from machi_client.api.public import public_store, public_town
from machi_client.api.reports import (
    reports_channels,
    reports_overview,
    reports_posts,
    reports_producers_get,
    reports_products,
)
from machi_client.api.settings import settings_webhooks_set
from machi_client.models import (
    ConversionRead,
    DimensionRow,
    PostsSection,
    ProductReportRow,
    ProductsSection,
    SettingsWebhooksSetStore,
    StorePage,
    StoreProductsSection,
    TownPage,
    WebhookSecretSet,
)

from .journeys import (
    Garlic,
    GarlicPost,
    Journeys,
    Takeo,
    anonymous,
    api,
    done,
    garlic,
    garlic_post,
    ok,
    query,
    takeo,
)

# Generous: the first journey test also waits for the whole platform to start.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile"
# Facebook's link-preview crawler (developers.facebook.com/docs/sharing/webmasters/web-crawlers).
FACEBOOK_CRAWLER = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"


@dataclass
class Visit:
    town: Takeo
    garlic: Garlic
    post: GarlicPost
    redirect: httpx.Response
    crawler: httpx.Response

    @property
    def click_id(self) -> str:
        return query(self.redirect.headers["location"])["machi_cid"]


@pytest.fixture(scope="module")
def visit(journeys: Journeys) -> Visit:
    town, product, post = takeo(journeys), garlic(journeys), garlic_post(journeys)
    visitor = journeys.client(**{"User-Agent": BROWSER})
    redirect = visitor.get(post.link)
    crawler = journeys.client().get(post.link, headers={"User-Agent": FACEBOOK_CRAWLER})
    return Visit(town, product, post, redirect, crawler)


class TestPublicPages:
    def test_city_page_in_the_visitors_language(self, journeys: Journeys, visit: Visit) -> None:
        page: TownPage = done(public_town.sync_detailed("takeo", client=visitor(journeys, "en")))
        assert page.town.slug == "takeo"
        assert page.town.name == "Takeo City"
        assert isinstance(page.posts, PostsSection), page.posts
        assert page.posts.available is True
        posts = page.posts.items
        assert 1 <= len(posts) <= 10  # the latest published posts
        # `status` and `in_season` are sent beyond the documented fields (additional properties).
        assert {p["status"] for p in posts} == {"published"}
        assert isinstance(page.products, ProductsSection), page.products
        assert page.products.available is True
        products = page.products.items
        assert products, page
        assert all(p["in_season"] for p in products)
        assert all(isinstance(p.name, str) for p in products)
        assert page.places.available is True
        japanese = done(public_town.sync_detailed("takeo", client=visitor(journeys, "ja")))
        assert japanese.town.name == "武雄市"

    def test_store_page_lists_the_variants_with_their_store_items(
        self, journeys: Journeys, visit: Visit
    ) -> None:
        page: StorePage = done(public_store.sync_detailed("takeo", client=visitor(journeys, "en")))
        assert isinstance(page.products, StoreProductsSection), page.products
        items = {p.id: p for p in page.products.items}
        garlic_item = items[visit.garlic.product.id]
        assert garlic_item.name == "Aged black garlic"
        listings = {li.url for li in garlic_item.listings}
        assert listings == {li.url for li in visit.garlic.listings.values()}
        japanese = done(public_store.sync_detailed("takeo", client=visitor(journeys, "ja")))
        assert isinstance(japanese.products, StoreProductsSection), japanese.products
        names = {p.id: p.name for p in japanese.products.items}
        assert names[visit.garlic.product.id] == "熟成黒にんにく"


class TestTrackedLink:
    def test_click_is_a_302_to_the_store_item_with_utm_tags_and_a_click_id(
        self, visit: Visit
    ) -> None:
        assert visit.redirect.status_code == 302, visit.redirect.text
        location = visit.redirect.headers["location"]
        assert location.split("?")[0] == visit.garlic.listings["garlic-200"].url or (
            location.split("?")[0] == visit.garlic.listings["garlic-500"].url
        )
        params = query(location)
        assert params["utm_source"] in ("facebook", "facebook_page")  # the channel's platform
        assert params["utm_medium"] == "social"
        assert params["utm_campaign"] == str(visit.post.post.id)
        assert len(params["machi_cid"]) >= 16

    def test_each_click_gets_its_own_click_id(self, journeys: Journeys, visit: Visit) -> None:
        again = journeys.client().get(visit.post.link, headers={"User-Agent": BROWSER})
        assert again.status_code == 302
        assert query(again.headers["location"])["machi_cid"] != visit.click_id

    def test_facebook_crawler_is_recorded_as_a_bot(self, visit: Visit) -> None:
        assert visit.crawler.status_code == 302  # the crawler still reaches the page
        page_id = str(visit.town.channels["town_page"].id)
        analyst = api(visit.town.users["analyst"])

        def channel_row() -> DimensionRow | None:
            rows = done(reports_channels.sync_detailed(client=analyst)).items
            return next((r for r in rows if r.key == page_id and r.clicks >= 2), None)

        eventually_sync(channel_row, timeout=60, what="clicks rolled up")
        overview = done(reports_overview.sync_detailed(client=analyst))
        bot_clicks = overview.current.bot_clicks
        assert isinstance(bot_clicks, int), overview
        assert bot_clicks >= 1
        row = channel_row()
        assert row is not None
        assert row.clicks == 2


def visitor(journeys: Journeys, language: str) -> Client:
    """The generated client as a visitor whose browser asks for `language`."""
    return anonymous(journeys.client(**{"Accept-Language": language}))


def import_orders(analyst: httpx.Client, body: bytes) -> httpx.Response:
    """Upload a store's order CSV. Raw: the contract names the operation but not its CSV body."""
    return analyst.post(
        "/v1/conversions/import",
        params={"store": "yahoo"},
        content=body,
        headers={"content-type": "text/csv"},
    )


def yahoo_csv(order_id: str, click_id: str, product_id: UUID, amount: int) -> bytes:
    """Yahoo! Shopping's monthly order CSV, one line item (analytics csv_import columns)."""
    now = datetime.now(UTC).isoformat()
    return (
        "order_id,ordered_at,amount,currency,click_id,product_id,quantity,status\r\n"
        f"{order_id},{now},{amount},JPY,{click_id},{product_id},1,\r\n"
    ).encode()


class TestConversion:
    def conversions(self, town: Takeo) -> list[ConversionRead]:
        return done(conversions_list.sync_detailed(client=api(town.users["analyst"]))).items

    def test_yahoo_monthly_csv_with_the_click_id_is_one_attributed_conversion(
        self, visit: Visit
    ) -> None:
        analyst = visit.town.users["analyst"]
        body = yahoo_csv("yahoo-1001", visit.click_id, visit.garlic.product.id, 1980)
        result = import_orders(analyst, body)
        assert ok(result) == {"imported": 1, "duplicates": 0, "reversed": 0}
        (conversion,) = [c for c in self.conversions(visit.town) if c.order_id == "yahoo-1001"]
        assert conversion.post_id == visit.post.post.id
        assert conversion.channel_id == visit.town.channels["town_page"].id
        assert (conversion.amount, conversion.method) == (1980, "click_id")

    def test_conversion_counts_for_the_product_and_its_producer(self, visit: Visit) -> None:
        analyst = api(visit.town.users["analyst"])
        product_id = visit.garlic.product.id

        def product_row() -> ProductReportRow | None:
            rows = done(reports_products.sync_detailed(client=analyst)).items
            row = next((r for r in rows if r.product_id == product_id), None)
            return row if row and row.orders >= 1 else None

        row = eventually_sync(product_row, timeout=60, what="the order in the product report")
        assert (row.orders, row.revenue) == (1, 1980)
        producer = done(reports_producers_get.sync_detailed(visit.town.farm_id, client=analyst))
        assert (producer.totals.orders, producer.totals.revenue) == (1, 1980)
        posts = done(reports_posts.sync_detailed(client=analyst)).items
        mine = next(r for r in posts if r.key == str(visit.post.post.id))
        assert mine.orders == 1

    def test_replaying_the_csv_changes_nothing(self, visit: Visit) -> None:
        analyst = visit.town.users["analyst"]
        before = self.conversions(visit.town)
        body = yahoo_csv("yahoo-1001", visit.click_id, visit.garlic.product.id, 1980)
        result = import_orders(analyst, body)
        assert ok(result) == {"imported": 0, "duplicates": 1, "reversed": 0}
        assert self.conversions(visit.town) == before

    def test_shopify_order_webhook_with_the_click_id_counts_once(
        self, journeys: Journeys, visit: Visit
    ) -> None:
        secret = "shpss_takeo_webhook_secret"
        answer = settings_webhooks_set.sync_detailed(
            SettingsWebhooksSetStore.SHOPIFY,
            client=api(visit.town.admin),
            body=WebhookSecretSet(secret=secret),
        )
        assert answer.status_code == 204, answer.content
        click = journeys.client().get(visit.post.link, headers={"User-Agent": BROWSER})
        click_id = query(click.headers["location"])["machi_cid"]
        time.sleep(1)  # the order comes after the visit, once the click buffer is written
        order = {
            "id": 5550001,
            "created_at": datetime.now(UTC).isoformat(),
            "currency": "JPY",
            "total_price": "4200",
            "note_attributes": [{"name": "machi_cid", "value": click_id}],
            "line_items": [{"id": 1, "quantity": 1, "price": "4200"}],
        }
        raw = json.dumps(order).encode()
        signature = base64.b64encode(hmac.new(secret.encode(), raw, hashlib.sha256).digest())
        headers = {
            "content-type": "application/json",
            "x-shopify-hmac-sha256": signature.decode(),
            "x-shopify-topic": "orders/create",
            "x-shopify-event-id": "evt-5550001",
        }
        first = journeys.client().post("/webhooks/takeo/shopify", content=raw, headers=headers)
        assert ok(first) == {"result": "recorded"}
        replay = journeys.client().post("/webhooks/takeo/shopify", content=raw, headers=headers)
        assert ok(replay) == {"result": "duplicate"}
        time.sleep(0.5)
        mine = [c for c in self.conversions(visit.town) if c.order_id == "5550001"]
        assert len(mine) == 1
        assert mine[0].post_id == visit.post.post.id
        forged = journeys.client().post(
            "/webhooks/takeo/shopify",
            content=raw.replace(b"4200", b"9999"),
            headers=headers | {"x-shopify-event-id": "evt-forged"},
        )
        assert forged.status_code == 401, forged.text
