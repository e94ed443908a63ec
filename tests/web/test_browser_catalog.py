"""The catalog pages in a real browser on a phone: a CSV import's progress bar reaches 100 % and
its bad row is named (with the page's script, and without it, where the page reloads itself);
the producer form shows names and story side by side."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from machi_cli import seed
from tests.harness import Platform

playwright_api = pytest.importorskip("playwright.sync_api")
from tests.web.test_browser import (  # noqa: E402 (after the skip)
    PHONE,
    audited,  # noqa: F401 (a fixture)
    browser,  # noqa: F401 (a fixture)
    serious_violations,
)

HEADER = (
    "producer_code,producer_kind,producer_name_ja,product_slug,product_name_ja,variant_sku,price\n"
)


def bad_file(rows: int = 2000) -> bytes:
    """A cooperative's file whose last row has a price in words: nothing of it goes in."""
    tag = uuid.uuid4().hex[:6]
    good = "".join(
        f"COOP-{tag},farm,武雄農協,coop-{tag}-{n},米{n},COOP-{tag}-{n},1200\n" for n in range(rows)
    )
    return (
        HEADER + good + f"COOP-{tag},farm,武雄農協,coop-{tag}-x,米,COOP-{tag}-x,twelve\n"
    ).encode()


def signed_in(context: playwright_api.BrowserContext, url: str) -> playwright_api.Page:
    page = context.new_page()
    page.goto(f"{url}/console/login?lang=en")
    page.get_by_label("Email").fill(seed.ADMIN[0])
    page.get_by_label("Password").fill(seed.ADMIN[1])
    page.get_by_role("button", name="Sign in").click()
    playwright_api.expect(page).to_have_url(f"{url}/console/")
    return page


def phone_context(
    browser: playwright_api.Browser,  # noqa: F811 (the imported fixture)
    *,
    script: bool = True,
) -> playwright_api.BrowserContext:
    return browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=script,
    )


def upload(page: playwright_api.Page, url: str, data: bytes) -> None:
    page.goto(f"{url}/console/imports?lang=en")
    page.get_by_label("CSV file").set_input_files(
        {"name": "cooperative.csv", "mimeType": "text/csv", "buffer": data}
    )
    page.get_by_role("button", name="Upload").click()
    playwright_api.expect(
        page.get_by_role("heading", name="CSV import · cooperative.csv")
    ).to_be_visible()


def test_a_csv_imports_progress_bar_reaches_100_and_names_the_bad_row(
    platform: Platform,
    browser: playwright_api.Browser,  # noqa: F811 (the imported fixture)
    screenshots: Path,
) -> None:
    context = phone_context(browser)
    try:
        page = signed_in(context, platform.url)
        upload(page, platform.url, bad_file())

        problem = page.get_by_text("Row 2002, column price: 'twelve' is not a whole number")
        playwright_api.expect(problem).to_be_visible(timeout=60_000)
        bar = page.locator("#import-bar")
        assert bar.evaluate("bar => bar.value") == 100
        playwright_api.expect(page.locator("#import-percent")).to_have_text("100")
        playwright_api.expect(page.get_by_text("Nothing was imported.")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.screenshot(path=screenshots / "console-import-errors-en.png", full_page=True)
    finally:
        context.close()


def test_without_script_the_import_page_reloads_itself_until_the_import_ends(
    platform: Platform,
    browser: playwright_api.Browser,  # noqa: F811 (the imported fixture)
) -> None:
    context = phone_context(browser, script=False)
    try:
        page = signed_in(context, platform.url)
        upload(page, platform.url, bad_file(rows=5))
        playwright_api.expect(page.get_by_text("1 problem in the file")).to_be_visible(
            timeout=60_000
        )
        assert page.locator("#import-bar").get_attribute("value") == "100"
    finally:
        context.close()


def test_the_producer_form_shows_each_language_side_by_side_on_a_phone(
    platform: Platform,
    browser: playwright_api.Browser,  # noqa: F811 (the imported fixture)
    screenshots: Path,
) -> None:
    context = phone_context(browser)
    try:
        page = signed_in(context, platform.url)
        page.goto(f"{platform.url}/console/producers/new?lang=ja")
        page.get_by_label("種類").select_option("workshop")
        page.locator("#name_ja").fill("武雄焼 窯元")
        page.locator("#name_en").fill("Takeo Pottery")
        page.locator("#story_ja").fill("四百年続く窯です。")
        page.get_by_role("button", name="保存").click()
        playwright_api.expect(page.get_by_role("status")).to_have_text("保存しました。")
        playwright_api.expect(page.get_by_role("heading", name="武雄焼 窯元")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.screenshot(path=screenshots / "console-producer-ja.png", full_page=True)
    finally:
        context.close()


def test_the_catalog_forms_have_no_serious_accessibility_violations(
    platform: Platform,
    audited: playwright_api.BrowserContext,  # noqa: F811 (the imported fixture)
    screenshots: Path,
) -> None:
    (tofu,) = platform.seeded_admin().get("/v1/products?slug=onsen-tofu").json()["items"]
    page = signed_in(audited, platform.url)
    for path in (
        f"/console/products/{tofu['id']}",  # with its variants' forms
        "/console/producers",
        "/console/producers/new",
        "/console/places/new",
        "/console/categories",
        "/console/imports",
    ):
        page.goto(f"{platform.url}{path}")
        assert serious_violations(page) == [], path
    page.goto(f"{platform.url}/console/products/{tofu['id']}?lang=ko")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / "console-product-variants-ko.png", full_page=True)
