"""Journey 4 in a real browser: a visitor on a phone opens the city page, sees a product with its
photo and price, taps "buy" and lands on the town's store (a fake one on loopback) with a click
id; the click then shows on the console's links page and in its reports."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from kit.testing.fakes import serve_in_thread
from machi_cli import demo, seed
from tests.harness import Platform
from tests.web.test_browser import PHONE, chromium_path

playwright_api = pytest.importorskip("playwright.sync_api")
STORE_HOST = "store.takeo.test"  # a host name (a store domain cannot be an IP), mapped to loopback
NAME_JA = "嬉野レモンケーキ"
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/131.0.0.0 Mobile Safari/537.36"
)


class FakeStore:
    """The town's store: an item page per id, remembering each visit's query."""

    def __init__(self) -> None:
        self.visits: list[dict[str, str]] = []
        self.app = Starlette(routes=[Route("/item/{item}", self.item)])

    async def item(self, request: Request) -> HTMLResponse:
        self.visits.append({"item": request.path_params["item"], **request.query_params})
        return HTMLResponse(
            "<!doctype html><html lang='ja'><title>Fake store</title>"
            f"<h1>Fake store: {request.path_params['item']}</h1></html>"
        )


@dataclass
class Store:
    fake: FakeStore
    port: int


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    fake = FakeStore()
    with serve_in_thread(fake.app) as url:
        yield Store(fake, int(url.rsplit(":", 1)[1]))


@pytest.fixture(scope="module")
def browser(store: Store) -> Iterator[playwright_api.Browser]:
    executable = chromium_path()
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=executable,
            # The store's host name reaches the fake on loopback, as DNS would reach the store.
            args=["--no-sandbox", f"--host-resolver-rules=MAP {STORE_HOST} 127.0.0.1"],
        )
        try:
            yield launched
        finally:
            launched.close()


def _allow_the_store(platform: Platform) -> None:
    """The operator adds the store's domain to the town's (through the API), and waits until
    analytics has it: links to other hosts are refused."""
    admin = platform.seeded_admin()
    town = admin.get("/v1/me").json()["tenant_id"]
    domains = admin.get("/v1/settings/tracking").json()["allowed_store_domains"]
    if STORE_HOST not in domains:
        changed = platform.operator().patch(
            f"/v1/tenants/{town}", json={"allowed_store_domains": [*domains, STORE_HOST]}
        )
        assert changed.status_code == 200, changed.text
    deadline = time.monotonic() + 30
    while STORE_HOST not in admin.get("/v1/settings/tracking").json()["allowed_store_domains"]:
        assert time.monotonic() < deadline, "analytics never heard of the new store domain"
        time.sleep(0.3)


def _sell_a_product(platform: Platform, store: Store) -> str:
    """A published product with a photo, listed in the fake store; its slug."""
    admin = platform.seeded_admin()
    slug = f"lemon-cake-{uuid.uuid4().hex[:6]}"
    photo = admin.post(
        "/v1/media", files={"file": ("cake.jpg", demo.photo("lemongrass-tea"), "image/jpeg")}
    )
    assert photo.status_code == 201, photo.text
    producer = admin.get("/v1/producers", params={"limit": 1}).json()["items"][0]
    product = admin.post(
        "/v1/products",
        json={
            "producer_id": producer["id"],
            "slug": slug,
            "name": {"ja": NAME_JA, "en": "Ureshino lemon cake", "ko": "우레시노 레몬 케이크"},
            "price_amount": 1500,
            "currency": "JPY",
            "media": [{"media_id": photo.json()["id"], "alt": {"ja": NAME_JA}}],
            "variants": [{"sku": slug, "price_amount": 1500}],
        },
    )
    assert product.status_code == 201, product.text
    shop = admin.post(
        "/v1/storefronts",
        json={
            "kind": "generic",
            "name": "Fake store",
            "item_url_template": f"http://{STORE_HOST}:{store.port}/item/{{item}}",
        },
    )
    assert shop.status_code == 201, shop.text
    listed = admin.post(
        "/v1/listings",
        json={
            "storefront_id": shop.json()["id"],
            "variant_id": product.json()["variants"][0]["id"],
            "external_id": slug,
        },
    )
    assert listed.status_code == 201, listed.text
    published = admin.post(f"/v1/products/{product.json()['id']}/publish")
    assert published.status_code == 200, published.text
    return slug


def _wait_for_its_buy_button(platform: Platform, slug: str) -> None:
    """Analytics makes the product's buy link from the catalog's event; the page drops its
    cache on it, and the web role keeps a page a few seconds."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        page = httpx.get(f"{platform.url}/takeo/shop?lang=ja", timeout=30).text
        card = page.split(f'href="/takeo/shop/{slug}"', 1)[-1].split("</article>", 1)[0]
        if f'href="/takeo/shop/{slug}"' in page and 'class="button buy" href="/r/' in card:
            return
        time.sleep(1)
    raise AssertionError("the product never got its tracked buy button")


def test_a_visitor_buys_from_the_city_page_and_the_click_reaches_the_console(
    platform: Platform, browser: playwright_api.Browser, store: Store, screenshots: Path
) -> None:
    _allow_the_store(platform)
    slug = _sell_a_product(platform, store)
    _wait_for_its_buy_button(platform, slug)

    # A phone's browser, as analytics counts it (a headless one is a bot and not counted).
    phone = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, user_agent=PHONE_AGENT
    )
    page = phone.new_page()
    page.goto(f"{platform.url}/takeo/shop?lang=ja")
    card = (
        page.locator("article.card")
        .filter(has=page.get_by_role("link", name=NAME_JA, exact=True))
        .first
    )
    card.scroll_into_view_if_needed()
    photo = card.locator("img")
    playwright_api.expect(photo).to_be_visible()
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0")  # the photo loaded
    playwright_api.expect(card.locator(".price")).to_have_text("￥1,500")
    page.screenshot(path=screenshots / "journey4-city-page-ja.png", full_page=True)

    card.get_by_role("link", name=re.compile("購入する")).click()

    page.wait_for_url(re.compile(rf"^http://{re.escape(STORE_HOST)}:{store.port}/item/{slug}\?"))
    playwright_api.expect(page.get_by_role("heading", name=f"Fake store: {slug}")).to_be_visible()
    assert "machi_cid=" in page.url
    visit = next(v for v in store.fake.visits if v["item"] == slug)
    assert re.fullmatch(r"[A-Za-z0-9_-]{8,32}", visit["machi_cid"])
    assert visit["utm_medium"] == "city_page"
    phone.close()

    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    console = desk.new_page()
    console.goto(f"{platform.url}/console/links?lang=ja")
    console.get_by_label("メールアドレス").fill(seed.ADMIN[0])
    console.get_by_label("パスワード").fill(seed.ADMIN[1])
    console.get_by_role("button", name="ログイン").click()
    playwright_api.expect(console.get_by_role("heading", name="リンク", exact=True)).to_be_visible()
    row = console.locator("tr").filter(has_text=NAME_JA).first
    deadline = time.monotonic() + 60
    while row.locator("td").nth(3).inner_text().strip() != "1":  # rolled up within seconds
        assert time.monotonic() < deadline, "the click never reached the links page"
        time.sleep(1)
        console.reload()
    playwright_api.expect(row.locator("td").nth(2)).to_have_text("まちのページ")
    qr = row.locator("img")
    qr.scroll_into_view_if_needed()  # it loads lazily
    console.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=qr.element_handle()
    )
    console.screenshot(path=screenshots / "journey4-console-links-ja.png", full_page=True)

    console.goto(f"{platform.url}/console/reports?lang=ja")
    products = console.locator("#products tr").filter(has_text=NAME_JA).first
    playwright_api.expect(products.locator("td").nth(1)).to_have_text("1")
    console.locator("#products").screenshot(path=screenshots / "journey4-console-report-ja.png")
    desk.close()
