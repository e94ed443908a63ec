"""The pages over HTTP, from the real all-in-one: the landing page, the city page in three
languages, and the console's sign-in with its cookie and CSRF rules."""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import re
import struct
import time
from pathlib import Path

import httpx
import pytest

from kit.secrets import new_key
from kit.testing.fakes import free_port
from machi_cli import seed
from tests.e2e.processes import Machi, wait_http
from tests.harness import PASSWORD, Platform

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def browser(platform: Platform) -> httpx.Client:
    """A cookie-keeping client that does not follow redirects (they are asserted)."""
    return httpx.Client(base_url=platform.url, timeout=30)


def csrf_of(page: httpx.Response) -> str:
    found = CSRF.search(page.text)
    assert found, page.text
    return found.group(1)


def sign_in(browser: httpx.Client, email: str, password: str) -> httpx.Response:
    token = csrf_of(browser.get("/console/login"))
    return browser.post(
        "/console/login",
        data={"email": email, "password": password, "csrf_token": token, "next": "/console/"},
    )


def test_root_is_an_html_page_linking_the_console_the_city_page_and_the_docs(
    browser: httpx.Client,
) -> None:
    page = browser.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    for link in ('href="/console/"', 'href="/takeo/shop"', 'href="/docs"'):
        assert link in page.text


def test_the_api_is_still_the_gateways_beside_the_pages(browser: httpx.Client) -> None:
    assert browser.get("/public/takeo").headers["content-type"].startswith("application/json")
    assert browser.get("/takeo").status_code == 302  # the town's social page, as before


@pytest.mark.parametrize(
    ("language", "heading", "price"),
    [
        ("ja", "今日の逸品", "￥1,980"),
        ("ko", "오늘의 특산품", "JP¥1,980"),
        ("en", "Today", "¥1,980"),
    ],
)
def test_the_city_page_shows_the_towns_products_with_photos_and_prices(
    browser: httpx.Client, language: str, heading: str, price: str
) -> None:
    page = browser.get("/takeo/shop", headers={"Accept-Language": language})
    assert page.status_code == 200
    assert f'<html lang="{language}">' in page.text
    assert heading in page.text
    assert price in page.text  # the garlic, in the town's currency
    photos = re.findall(r'<img src="([^"]+)" alt="([^"]*)"', page.text)
    assert photos
    assert all(alt for _, alt in photos)
    assert browser.get(photos[0][0]).headers["content-type"].startswith("image/")


def _buy_link(page: str) -> str | None:
    """The address of the page's first buy button, if it has one."""
    found = re.search(r'<a class="button buy" href="([^"]+)"', page)
    return html.unescape(found.group(1)) if found else None


def test_the_city_page_buy_button_is_a_tracked_link_to_the_store(
    browser: httpx.Client,
) -> None:
    # Analytics makes each product's link from the catalog's event, just after the seed. The
    # garlic is read on its own page: the city page lists the newest 100 products, and other
    # tests add many.
    deadline = time.monotonic() + 60
    garlic = browser.get("/takeo/shop/aged-black-garlic?lang=en").text
    while _buy_link(garlic) is None and time.monotonic() < deadline:
        time.sleep(1)
        garlic = browser.get("/takeo/shop/aged-black-garlic?lang=en").text
    buys = re.findall(r'<a class="button buy" href="([^"]+)"', browser.get("/takeo/shop").text)
    assert buys
    assert all(href.startswith("/r/") for href in buys)  # counted, never the store directly
    link = _buy_link(garlic)
    assert link is not None
    assert link.startswith("/r/")
    followed = browser.get(link)
    assert followed.status_code == 302
    store = "https://store.shopping.yahoo.co.jp/takeo-furusato/aged-black-garlic.html"
    assert followed.headers["location"].startswith(store)
    assert "machi_cid=" in followed.headers["location"]


def test_the_city_page_shows_products_by_category_with_their_producers_story(
    browser: httpx.Client,
) -> None:
    page = browser.get("/takeo/shop?lang=en").text
    everything = page[page.index('id="all"') :]
    shelves = re.findall(r'<h3 id="shelf-\d+">([^<]+)</h3>', everything)
    assert len(shelves) >= 2  # the demo's products sit in more than one category
    assert "Takeo Black Garlic Farm" in everything
    assert "Garlic aged for a month." in everything  # the producer's story


def test_the_city_page_lists_places_with_opening_hours_and_a_map(browser: httpx.Client) -> None:
    page = browser.get("/takeo/shop?lang=ja").text
    places = page[page.index('id="places"') :]
    assert "武雄温泉楼門" in places
    assert "営業時間: 月\u2013日 06:30\u201324:00" in places
    assert 'href="https://www.openstreetmap.org/?mlat=33.1937&amp;mlon=130.0186' in places


def test_the_city_page_has_share_tags_and_a_list_of_products(browser: httpx.Client) -> None:
    page = browser.get("/takeo/shop?lang=en").text
    for tag in ('property="og:title"', 'property="og:image"', 'name="twitter:card"'):
        assert tag in page
    assert '"@type": "ItemList"' in page
    assert "/takeo/shop/aged-black-garlic" in page


def test_the_city_page_is_small_and_runs_no_script(browser: httpx.Client) -> None:
    page = browser.get("/takeo/shop")
    assert len(page.content) < 60_000
    assert "<script src" not in page.text
    assert page.headers["cache-control"].startswith("public")


def test_the_language_switch_is_remembered(browser: httpx.Client) -> None:
    switched = browser.get("/takeo/shop?lang=ko", headers={"Accept-Language": "en"})
    assert '<html lang="ko">' in switched.text
    again = browser.get("/takeo/shop", headers={"Accept-Language": "en"})
    assert '<html lang="ko">' in again.text


def test_a_product_page_has_share_tags_and_product_markup(browser: httpx.Client) -> None:
    page = browser.get("/takeo/shop/aged-black-garlic?lang=en")
    assert page.status_code == 200
    assert '<meta property="og:image"' in page.text
    assert '"@type": "Product"' in page.text
    assert '"priceCurrency": "JPY"' in page.text


def test_an_unknown_town_or_product_is_a_404_page(browser: httpx.Client) -> None:
    assert browser.get("/nowhere/shop").status_code == 404
    missing = browser.get("/takeo/shop/no-such-thing")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("text/html")


def test_the_console_asks_for_a_sign_in(browser: httpx.Client) -> None:
    answer = browser.get("/console/products")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/console/login?next=/console/products"


def test_signing_in_sets_a_sealed_http_only_lax_cookie(browser: httpx.Client) -> None:
    answer = sign_in(browser, *seed.ADMIN)
    assert answer.status_code == 303
    cookie = next(
        c for c in answer.headers.get_list("set-cookie") if c.startswith("machi_session=")
    )
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie or "samesite=lax" in cookie.lower()
    assert "eyJ" not in cookie  # no token in clear (a JWT starts so)
    dashboard = browser.get("/console/?lang=en")
    assert dashboard.status_code == 200
    assert seed.ADMIN[0] in dashboard.text
    assert "This month" in dashboard.text  # clicks, orders and revenue from the reports
    assert "<meter" in dashboard.text


def test_a_form_without_the_csrf_token_is_refused(browser: httpx.Client) -> None:
    browser.get("/console/login")  # the session exists: only the token is missing
    email, password = seed.ADMIN
    answer = browser.post("/console/login", data={"email": email, "password": password})
    assert answer.status_code == 403
    assert browser.get("/console/").status_code == 303  # not signed in


def test_a_wrong_password_shows_the_form_again(browser: httpx.Client) -> None:
    answer = sign_in(browser, seed.ADMIN[0], "wrong password")
    assert answer.status_code == 401
    assert 'name="password"' in answer.text


def test_signing_out_forgets_the_tokens(browser: httpx.Client) -> None:
    sign_in(browser, *seed.ADMIN)
    token = csrf_of(browser.get("/console/"))
    assert browser.post("/console/logout", data={"csrf_token": token}).status_code == 303
    assert browser.get("/console/").status_code == 303


def test_the_products_page_lists_the_towns_products(browser: httpx.Client) -> None:
    sign_in(browser, *seed.ADMIN)
    page = browser.get("/console/products?lang=ja")
    assert page.status_code == 200
    assert "熟成黒にんにく" in page.text


def edit_form(browser: httpx.Client, product_id: str) -> dict[str, str]:
    page = browser.get(f"/console/products/{product_id}?lang=en")
    assert page.status_code == 200
    action = f'<form method="post" action="/console/products/{product_id}"'
    form = page.text[page.text.index(action) :].split("</form>")[0]  # not the variants' forms
    text_input = r'<input(?! type="checkbox")[^>]* name="([a-z_]+)"[^>]* value="([^"]*)"'
    fields = dict(re.findall(text_input, form))
    return {k: html.unescape(v) for k, v in fields.items() if k != "q"}


def test_an_edit_saves_and_an_edit_from_a_stale_form_changes_nothing(
    platform: Platform, browser: httpx.Client
) -> None:
    admin = platform.seeded_admin()
    (tofu,) = admin.get("/v1/products", params={"slug": "onsen-tofu"}).json()["items"]
    sign_in(browser, *seed.ADMIN)
    first, second = edit_form(browser, tofu["id"]), edit_form(browser, tofu["id"])

    saved = browser.post(f"/console/products/{tofu['id']}", data={**first, "price": "1400"})
    assert saved.status_code == 303, re.findall(r"<p[^>]*>[^<]*</p>", saved.text)
    stale = browser.post(f"/console/products/{tofu['id']}", data={**second, "price": "999"})

    assert stale.status_code == 422
    assert "Someone changed this product meanwhile" in stale.text
    assert admin.get(f"/v1/products/{tofu['id']}").json()["price_amount"] == 1400


def test_a_kept_city_page_carries_the_same_headers_as_a_rendered_one(
    browser: httpx.Client,
) -> None:
    first = browser.get("/takeo/shop?lang=en")  # renders and keeps it
    again = browser.get("/takeo/shop", headers={"Accept-Language": "en"})
    assert again.text == first.text
    for name in ("content-type", "cache-control", "vary", "content-security-policy"):
        assert again.headers[name] == first.headers[name], name


def totp_now(secret: str) -> str:
    """The current RFC 6238 code of a base32 secret (SHA-1, 30 s, 6 digits)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def test_an_account_with_a_second_factor_signs_in_with_its_code(
    platform: Platform, browser: httpx.Client
) -> None:
    user = platform.tenant_admin("mfa-town")
    enrolment = user.post("/v1/me/mfa/totp").json()
    confirmed = user.post("/v1/me/mfa/totp/confirm", json={"code": totp_now(enrolment["secret"])})
    assert confirmed.status_code == 200, confirmed.text
    recovery = confirmed.json()["recovery_codes"][0]

    asked = sign_in(browser, "admin@mfa-town.example", PASSWORD)
    assert asked.status_code == 401
    assert 'name="totp_code"' in asked.text
    assert "authenticator" in asked.text

    token = csrf_of(browser.get("/console/login"))
    signed_in = browser.post(
        "/console/login",
        data={
            "email": "admin@mfa-town.example",
            "password": PASSWORD,
            "totp_code": recovery,
            "csrf_token": token,
        },
    )
    assert signed_in.status_code == 303
    assert browser.get("/console/").status_code == 200


def test_an_editor_approves_and_sends_back_from_the_queue_but_not_their_own_post(
    platform: Platform, browser: httpx.Client
) -> None:
    admin = platform.tenant_admin("review-town")
    for role in ("writer", "editor"):
        created = admin.post(
            "/v1/users",
            json={"email": f"{role}@review-town.example", "password": PASSWORD, "roles": [role]},
        )
        assert created.status_code == 201, created.text
    channel = admin.post(
        "/v1/channels",
        json={"platform": "sandbox", "name": "Town feed", "approval_policy": "editor"},
    ).json()
    writer = platform.login("writer@review-town.example", PASSWORD)
    editor = platform.login("editor@review-town.example", PASSWORD)

    def submitted(author: httpx.Client, text: str) -> str:
        post = author.post("/v1/posts", json={"text": text, "channel_ids": [channel["id"]]})
        assert author.post(f"/v1/posts/{post.json()['id']}/submit").status_code == 200
        return str(post.json()["id"])

    first, second = submitted(writer, "Garlic first"), submitted(writer, "Garlic second")
    own = submitted(editor, "The editor's own")
    sign_in(browser, "editor@review-town.example", PASSWORD)
    queue = browser.get("/console/approvals?lang=en")
    assert "Garlic first" in queue.text, queue.text[-1500:]
    assert "Garlic second" in queue.text
    assert "Town feed (sandbox)" in queue.text  # where it would go out ...
    assert "Not planned yet" in queue.text  # ... and when
    assert f'href="/console/posts/{first}"' in queue.text
    token = csrf_of(queue)

    approved = browser.post(f"/console/posts/{first}/approve", data={"csrf_token": token})
    rejected = browser.post(
        f"/console/posts/{second}/reject", data={"csrf_token": token, "comment": "Add the price"}
    )
    refused = browser.post(f"/console/posts/{own}/approve", data={"csrf_token": token})

    assert approved.status_code == rejected.status_code == 303
    assert writer.get(f"/v1/posts/{first}").json()["status"] in ("approved", "scheduled")
    assert writer.get(f"/v1/posts/{second}").json()["review_comment"] == "Add the price"
    assert refused.status_code in (403, 409)
    assert editor.get(f"/v1/posts/{own}").json()["status"] == "submitted"

    page = browser.get(f"/console/posts/{first}?lang=en")
    assert 'action="/console/posts/' in page.text  # the schedule form of an approved post
    moved = browser.post(
        f"/console/posts/{first}/schedule",
        data={"csrf_token": csrf_of(page), "at": "2031-04-01T12:00"},
    )
    assert moved.status_code == 303
    (delivery,) = writer.get("/v1/deliveries", params={"post_id": first}).json()["items"]
    assert delivery["due_at"].startswith("2031-04-01T03:00")  # 12:00 in the town's Tokyo


def test_the_web_role_runs_alone_against_a_gateway(platform: Platform, tmp_path: Path) -> None:
    """As its container runs it: `machi run --target=web`, calling WEB_GATEWAY_URL."""
    port = free_port()
    env = {**platform.machi.env, "WEB_GATEWAY_URL": platform.url, "WEB_SECRET_KEYS": new_key()}
    web = Machi(env, tmp_path)
    try:
        web.start("web", "--target=web", "--port", str(port))
        wait_http(f"http://127.0.0.1:{port}/readyz")
        page = httpx.get(f"http://127.0.0.1:{port}/takeo/shop?lang=ja", timeout=30)
        assert page.status_code == 200
        assert "熟成黒にんにく" in page.text
    finally:
        web.stop_all()
