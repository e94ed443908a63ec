"""The console's frame in a real browser on a phone: the menu keeps the header to one row, opens
and closes from the keyboard, and leads to every page of the user's groups."""

from __future__ import annotations

from pathlib import Path

import pytest

from machi_cli import seed
from tests.harness import Platform

playwright_api = pytest.importorskip("playwright.sync_api")
from tests.web.test_browser import PHONE, browser, phone  # noqa: E402, F401 (the fixtures)

expect = playwright_api.expect


def sign_in(page: playwright_api.Page, url: str, email: str, password: str) -> None:
    page.goto(f"{url}/console/login?lang=en")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{url}/console/")


def test_the_menu_is_one_row_on_a_phone_and_works_from_the_keyboard(
    platform: Platform,
    phone: playwright_api.BrowserContext,  # noqa: F811 (the imported fixture)
    screenshots: Path,
) -> None:
    page = phone.new_page()
    sign_in(page, platform.url, *seed.ADMIN)
    header = page.locator("header.bar").bounding_box()
    assert header is not None
    assert header["height"] < 80, header  # one row, not three
    users = page.get_by_role("link", name="Users")
    expect(users).to_be_hidden()  # closed until asked

    page.locator("details.menu > summary").focus()
    page.keyboard.press("Enter")
    expect(users).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / "console-menu-open-en.png", full_page=True)
    page.keyboard.press("Escape")  # the enhancement closes it and keeps the focus
    expect(users).to_be_hidden()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"

    page.keyboard.press("Enter")
    users.click()
    expect(page).to_have_url(f"{platform.url}/console/users")
    expect(page.locator("details.menu > summary")).to_contain_text("Users")


def test_the_store_and_settings_pages_fit_a_phone(
    platform: Platform,
    phone: playwright_api.BrowserContext,  # noqa: F811
    screenshots: Path,
) -> None:
    page = phone.new_page()
    sign_in(page, platform.url, *seed.ADMIN)
    for path, name in (("/console/stores", "stores"), ("/console/settings", "settings")):
        page.goto(f"{platform.url}{path}?lang=ja")
        expect(page.locator("h1")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        page.screenshot(path=screenshots / f"console-{name}-ja.png", full_page=True)
