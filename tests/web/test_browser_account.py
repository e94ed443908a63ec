"""A forgotten password reset in a real browser on a phone, without script: the sign-in page's
link, the mail's code, the new password, and signing in with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import Platform
from tests.web.test_account import invite, mailed_reset_code

playwright_api = pytest.importorskip("playwright.sync_api")
from tests.web.test_browser import browser, phone  # noqa: E402, F401 (the fixtures)


def test_a_forgotten_password_is_reset_on_a_phone(
    platform: Platform,
    phone: playwright_api.BrowserContext,  # noqa: F811 (the imported fixture)
    screenshots: Path,
) -> None:
    email, code = invite(platform, ["writer"])
    page = phone.new_page()
    page.goto(f"{platform.url}/console/invitation?code={code}&lang=en")
    page.get_by_label("Password").fill("the first secret")
    page.get_by_role("button", name="Join").click()
    playwright_api.expect(page).to_have_url(f"{platform.url}/console/")
    page.get_by_role("button", name="Sign out").click()

    page.goto(f"{platform.url}/console/login?lang=en")
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("Email").fill(email)
    page.get_by_role("button", name="Send the code").click()
    playwright_api.expect(page.get_by_role("heading", name="Check your mail")).to_be_visible()
    page.screenshot(path=screenshots / "console-reset-sent-en.png", full_page=True)
    page.get_by_role("link", name="I have the code").click()
    page.get_by_label("Code from the mail").fill(mailed_reset_code(platform, email))
    page.get_by_label("New password").fill("the second secret")
    page.get_by_role("button", name="Save the password").click()
    playwright_api.expect(page.get_by_text("Your password is changed.")).to_be_visible()

    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill("the second secret")
    page.get_by_role("button", name="Sign in").click()
    playwright_api.expect(page).to_have_url(f"{platform.url}/console/")
