"""Browser journey 5: a staff member on a phone (390 x 844) connects their own X account and posts
a product's photo to it, with no step that needs a desktop: sign in, connect, one form to post
(how long a person takes is theirs; wall-clock limits belong in bench/, not in a test). The fake
X's consent page sends the browser back to the console; the post is counted on the fake X itself."""

from __future__ import annotations

import re
import time
import uuid
from pathlib import Path

import pytest

from kit.testing.platforms import FakeX
from tests.harness import PASSWORD, Platform
from tests.web.test_my_channels import _staff_member

playwright_api = pytest.importorskip("playwright.sync_api")
from tests.web.test_browser import PHONE, browser, phone  # noqa: E402, F401 (the fixtures)

expect = playwright_api.expect


def _fits(page: playwright_api.Page) -> None:
    """Nothing on the page is wider than the phone."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_journey_5_a_staff_member_posts_a_photo_to_their_own_account_from_a_phone(
    platform: Platform,
    phone: playwright_api.BrowserContext,  # noqa: F811 (the imported fixture)
    screenshots: Path,
    fake_x: tuple[FakeX, str],
) -> None:
    x, _ = fake_x
    email, _ = _staff_member(platform, "librarian")
    account = f"library{uuid.uuid4().hex[:6]}"
    page = phone.new_page()
    page.goto(f"{platform.url}/console/channels/mine?lang=en")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{platform.url}/console/channels/mine?lang=en")
    expect(page.get_by_role("heading", name="My channels")).to_be_visible()
    _fits(page)

    # Connect their own X account: X's consent page, then back to the console.
    page.get_by_label("Platform").select_option("x")
    page.get_by_role("button", name="Connect", exact=True).click()
    expect(page.get_by_role("heading", name="Authorize Machi?")).to_be_visible()
    page.get_by_label("Username").fill(account)
    page.get_by_role("button", name="Authorize").click()
    expect(page).to_have_url(f"{platform.url}/console/channels/mine?connected=1")
    expect(page.get_by_role("status")).to_have_text("Connected: 1 channel(s).")
    expect(page.get_by_role("link", name=f"@{account}")).to_be_visible()
    _fits(page)
    page.screenshot(path=screenshots / "console-my-channels-en.png", full_page=True)

    # Post a product's photo to it.
    page.locator(".stack").get_by_role("link", name="New post").click()
    page.get_by_label("Product").select_option(label="Aged black garlic")
    words = f"Black garlic from our town, on my own account {account}"
    page.get_by_label("Text", exact=True).fill(words)
    page.get_by_role("checkbox", name=f"@{account}").check()
    _fits(page)
    page.screenshot(path=screenshots / "console-staff-compose-en.png", full_page=True)
    page.get_by_role("button", name="Submit").click()
    expect(page.locator(".status")).to_have_text(re.compile("^(scheduled|published)$"))
    post_id = page.url.rsplit("/", 1)[-1].split("?")[0]

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not [p for p in x.posts if p["user"] == account]:
        time.sleep(0.2)
    [posted] = [p for p in x.posts if p["user"] == account]
    assert posted["text"].startswith(words)
    [media_id] = posted["media_ids"]  # the product's photo, uploaded to X before the post
    photo = x.uploads[media_id]
    assert photo.media_type.startswith("image/")
    assert len(photo.data) > 1000  # the photo itself, not a link to it
    post = platform.seeded_admin().get(f"/v1/posts/{post_id}").json()
    [attached] = post["media"]
    assert attached["url"].startswith("http")

    # The history of their channel shows it published.
    page.goto(f"{platform.url}/console/channels/mine")
    page.get_by_role("link", name="Delivery history").click()
    expect(page.get_by_text("Published").first).to_be_visible()
    _fits(page)
    page.screenshot(path=screenshots / "console-channel-history-en.png", full_page=True)
