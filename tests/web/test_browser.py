# ruff: noqa: RUF001  (Japanese text is written with full-width punctuation)
"""The console and the city page in a real browser: Debian's Chromium driven by Playwright, at a
phone's width, with screenshots left in var/test-output/browser/ for people to look at."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from machi_cli import demo, seed
from tests.harness import Platform

playwright_api = pytest.importorskip("playwright.sync_api")
Axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe
PHONE = {"width": 390, "height": 844}
HEADINGS = {"ja": "今日の逸品", "ko": "오늘의 특산품", "en": "Today's specialty"}


def chromium_path() -> str:
    found = shutil.which("chromium")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is missing: apt-get install -y chromium fonts-noto-cjk")
    pytest.skip("chromium is not installed (apt-get install -y chromium fonts-noto-cjk)")


@pytest.fixture(scope="module")
def browser() -> Iterator[playwright_api.Browser]:
    executable = chromium_path()
    with playwright_api.sync_playwright() as driver:
        # --no-sandbox: the tests may run as root, where Chromium's sandbox refuses to start.
        launched = driver.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def phone(browser: playwright_api.Browser) -> Iterator[playwright_api.BrowserContext]:
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    try:
        yield context
    finally:
        context.close()


@pytest.mark.parametrize("language", ["ja", "ko", "en"])
def test_a_visitor_on_a_phone_sees_the_city_page_in_their_language(
    platform: Platform,
    phone: playwright_api.BrowserContext,
    screenshots: Path,
    language: str,
) -> None:
    page = phone.new_page()
    page.set_extra_http_headers({"Accept-Language": language})
    page.goto(f"{platform.url}/takeo/shop")

    playwright_api.expect(page.locator("html")).to_have_attribute("lang", language)
    playwright_api.expect(page.get_by_role("heading", name=HEADINGS[language])).to_be_visible()
    hero = page.locator(".specialty img")
    playwright_api.expect(hero).to_be_visible()
    assert hero.evaluate("img => img.complete && img.naturalWidth > 0")  # the photo loaded
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]  # nothing wider than the phone
    page.screenshot(path=screenshots / f"city-page-{language}.png", full_page=True)


def test_the_language_switch_works_without_script(
    platform: Platform, phone: playwright_api.BrowserContext
) -> None:
    page = phone.new_page()
    page.goto(f"{platform.url}/takeo/shop?lang=en")
    page.get_by_role("link", name="한국어").click()
    playwright_api.expect(page.locator("html")).to_have_attribute("lang", "ko")
    page.goto(f"{platform.url}/takeo/shop")  # remembered
    playwright_api.expect(page.locator("html")).to_have_attribute("lang", "ko")


def test_an_admin_signs_in_on_a_phone_and_sees_the_products(
    platform: Platform, phone: playwright_api.BrowserContext, screenshots: Path
) -> None:
    page = phone.new_page()
    page.goto(f"{platform.url}/console/products?lang=ja")

    email, password = seed.ADMIN
    page.get_by_label("メールアドレス").fill(email)
    page.get_by_label("パスワード").fill(password)
    page.get_by_role("button", name="ログイン").click()

    playwright_api.expect(page).to_have_url(f"{platform.url}/console/products?lang=ja")
    playwright_api.expect(page.get_by_role("link", name="熟成黒にんにく")).to_be_visible()
    page.screenshot(path=screenshots / "console-products-ja.png", full_page=True)
    cookies = {c["name"]: c for c in phone.cookies()}
    assert cookies["machi_session"]["httpOnly"] is True
    assert cookies["machi_session"]["sameSite"] == "Lax"
    assert page.evaluate("document.cookie").find("machi_session") == -1  # no script reads it

    page.goto(f"{platform.url}/console/")
    playwright_api.expect(page.get_by_role("heading", name="今月")).to_be_visible()
    page.screenshot(path=screenshots / "console-dashboard-ja.png", full_page=True)
    page.get_by_role("button", name="ログアウト").click()
    playwright_api.expect(page.get_by_role("heading", name="ログイン")).to_be_visible()


def test_a_writer_adds_a_product_with_a_photo_and_schedules_a_post_about_it(
    platform: Platform,
    phone: playwright_api.BrowserContext,
    screenshots: Path,
    tmp_path: Path,
) -> None:
    admin = platform.seeded_admin()
    channel = admin.post(
        "/v1/channels",
        json={"platform": "sandbox", "name": "Town feed", "approval_policy": "none"},
    )
    assert channel.status_code == 201, channel.text
    photo = tmp_path / "doll.jpg"
    photo.write_bytes(demo.photo("ceramic-doll"))
    page = phone.new_page()
    page.goto(f"{platform.url}/console/login?lang=en")
    page.get_by_label("Email").fill(seed.ADMIN[0])
    page.get_by_label("Password").fill(seed.ADMIN[1])
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{platform.url}/console/products/new")
    page.get_by_label("Producer").select_option(index=1)
    page.get_by_label("Address on the city page").fill("ceramic-doll")
    page.get_by_label("日本語").first.fill("陶器の人形")
    page.get_by_label("English").first.fill("Ceramic doll")
    page.get_by_label("Price (JPY)").fill("3300")
    page.get_by_label("Photo").set_input_files(str(photo))
    playwright_api.expect(page.locator("#photo-preview")).to_be_visible()  # the enhancement
    page.get_by_label("Show it on the city page").check()
    page.screenshot(path=screenshots / "console-product-form-en.png", full_page=True)
    page.get_by_role("button", name="Save").click()
    playwright_api.expect(page.get_by_role("status")).to_have_text("Saved.")

    page.get_by_role("link", name="Write a post").click()
    text = page.get_by_label("Text", exact=True)
    playwright_api.expect(text).to_have_value("Ceramic doll ¥3,300")
    text.fill("今日の武雄の逸品：陶器の人形")
    count = page.locator(f"#count-{channel.json()['id']}")
    playwright_api.expect(count).to_have_text("14 / 5000")  # the sandbox counts code points
    page.get_by_role("checkbox", name="Town feed").check()
    page.get_by_label("When").fill("2030-01-07T12:00")
    page.get_by_role("button", name="Submit").click()

    playwright_api.expect(page.locator(".status")).to_have_text("scheduled")
    playwright_api.expect(page.locator("td time")).to_contain_text("Jan 7, 2030 12:00")
    page.screenshot(path=screenshots / "console-post-scheduled-en.png", full_page=True)

    shop = phone.new_page()
    shop.goto(f"{platform.url}/takeo/shop/ceramic-doll?lang=ja")
    playwright_api.expect(shop.get_by_role("heading", name="陶器の人形")).to_be_visible()
    assert shop.locator("article img").evaluate("img => img.naturalWidth > 0")


@pytest.fixture
def audited(browser: playwright_api.Browser) -> Iterator[playwright_api.BrowserContext]:
    """A phone whose pages accept axe-core's injected script (the pages' CSP would not)."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, bypass_csp=True)
    try:
        yield context
    finally:
        context.close()


def serious_violations(page: playwright_api.Page) -> list[str]:
    """axe-core's serious and critical findings on the page (WCAG 2.x A and AA rules)."""
    results = Axe().run(page)
    assert results.response["testEngine"]["name"] == "axe-core"
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} elements)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", ["/takeo/shop?lang=ja", "/takeo/shop/onsen-tofu?lang=ko"])
def test_the_city_page_has_no_serious_accessibility_violations(
    platform: Platform, audited: playwright_api.BrowserContext, path: str
) -> None:
    page = audited.new_page()
    page.goto(f"{platform.url}{path}")
    assert serious_violations(page) == []


def test_the_console_forms_have_no_serious_accessibility_violations(
    platform: Platform, audited: playwright_api.BrowserContext
) -> None:
    page = audited.new_page()
    page.goto(f"{platform.url}/console/login?lang=en")
    assert serious_violations(page) == []
    page.get_by_label("Email").fill(seed.ADMIN[0])
    page.get_by_label("Password").fill(seed.ADMIN[1])
    page.get_by_role("button", name="Sign in").click()
    for path in ("/console/", "/console/products/new", "/console/posts/new"):
        page.goto(f"{platform.url}{path}")
        assert serious_violations(page) == [], path


def test_an_admin_reads_the_reports_and_channels_on_a_phone(
    platform: Platform, phone: playwright_api.BrowserContext, screenshots: Path
) -> None:
    page = phone.new_page()
    page.goto(f"{platform.url}/console/reports?lang=ja")
    email, password = seed.ADMIN
    page.get_by_label("メールアドレス").fill(email)
    page.get_by_label("パスワード").fill(password)
    page.get_by_role("button", name="ログイン").click()

    playwright_api.expect(page.get_by_role("heading", name="レポート")).to_be_visible()
    playwright_api.expect(page.get_by_role("heading", name="商品別")).to_be_visible()
    playwright_api.expect(page.get_by_role("link", name="CSVをダウンロード")).to_have_count(4)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / "console-reports-ja.png", full_page=True)

    page.locator("details.menu > summary").click()  # the menu opens
    page.get_by_role("link", name="チャンネル", exact=True).click()
    playwright_api.expect(page.get_by_role("heading", name="アカウントを接続")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / "console-channels-ja.png", full_page=True)
