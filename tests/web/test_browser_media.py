"""The media library in a real browser on a phone: a photographer searches the library, opens a
photo, and writes its Japanese alt text; the pages have no serious accessibility violations."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

from machi_cli import demo, seed
from tests.harness import Platform

playwright_api = pytest.importorskip("playwright.sync_api")
from tests.web.test_browser import (  # noqa: E402 (after the skip)
    PHONE,
    audited,  # noqa: F401 (the fixture)
    browser,  # noqa: F401 (the fixture)
    phone,  # noqa: F401 (the fixture)
    serious_violations,
)

ALT_JA = "武雄の棚田と、手前に並ぶ陶器の人形"


def uploaded(platform: Platform, name: str) -> str:
    answer = platform.seeded_admin().post(
        "/v1/media", files={"file": (name, demo.photo("ceramic-doll"), "image/jpeg")}
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def sign_in(page: playwright_api.Page, platform: Platform, path: str) -> None:
    page.goto(f"{platform.url}{path}")
    page.get_by_label("メールアドレス").fill(seed.ADMIN[0])
    page.get_by_label("パスワード").fill(seed.ADMIN[1])
    page.get_by_role("button", name="ログイン").click()


def test_a_photographer_searches_the_library_and_writes_a_photos_japanese_alt_text(
    platform: Platform,
    phone: playwright_api.BrowserContext,  # noqa: F811 (the imported fixture)
    screenshots: Path,
) -> None:
    name = f"tanada-{uuid.uuid4().hex[:6]}.jpg"
    media_id = uploaded(platform, name)
    page = phone.new_page()
    sign_in(page, platform, "/console/media?lang=ja")
    playwright_api.expect(page.get_by_role("heading", name="メディアライブラリ")).to_be_visible()

    page.get_by_role("searchbox").fill(name.removesuffix(".jpg"))
    page.get_by_role("button", name="検索").click()
    tiles = page.locator(".photos a")
    playwright_api.expect(tiles).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / "console-media-library-ja.png", full_page=True)
    page.get_by_role("link", name=re.compile(re.escape(name))).click()

    playwright_api.expect(page).to_have_url(f"{platform.url}/console/media/{media_id}")
    page.get_by_label("日本語").fill(ALT_JA)
    playwright_api.expect(page.locator("#alt_ja-count")).to_have_text(f"{len(ALT_JA)} / 1000")
    page.get_by_role("button", name="保存").click()

    playwright_api.expect(page.get_by_role("status")).to_have_text("保存しました。")
    playwright_api.expect(page.get_by_label("日本語")).to_have_value(ALT_JA)
    preview = page.locator("img.rendition-portrait")
    playwright_api.expect(preview).to_have_attribute("alt", ALT_JA)
    page.locator("#usage-heading").scroll_into_view_if_needed()  # the previews load lazily
    page.wait_for_function(
        "() => [...document.querySelectorAll('.renditions img')]"
        ".every(img => img.complete && img.naturalWidth > 0)"
    )
    sizes = preview.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert sizes == [1080, 1350]  # Instagram's 4:5 crop
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / "console-media-photo-ja.png", full_page=True)
    api_alt = platform.seeded_admin().get(f"/v1/media/{media_id}").json()["alt"]
    assert api_alt == {"ja": ALT_JA}


def test_the_media_pages_have_no_serious_accessibility_violations(
    platform: Platform,
    audited: playwright_api.BrowserContext,  # noqa: F811 (the imported fixture)
) -> None:
    media_id = uploaded(platform, "a11y.jpg")
    page = audited.new_page()
    page.goto(f"{platform.url}/console/login?lang=en")
    page.get_by_label("Email").fill(seed.ADMIN[0])
    page.get_by_label("Password").fill(seed.ADMIN[1])
    page.get_by_role("button", name="Sign in").click()
    for path in ("/console/media", f"/console/media/{media_id}"):
        page.goto(f"{platform.url}{path}")
        assert serious_violations(page) == [], path
