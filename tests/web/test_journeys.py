"""Journeys 1 and 6 of issue 13 in a real browser on a phone, through the real all-in-one:
a town's admin invites a writer and an editor and connects a Facebook Page by OAuth (the fake
Graph's consent dialog sends the browser back to the console); the platform operator opens a
partner town from Takeo's playbook, its admin joins, and the month's usage comes as CSV.
Screenshots of each journey's key pages are left in var/test-output/browser/."""

from __future__ import annotations

import csv
import io
import re
import time
import uuid
from pathlib import Path

import pytest

from machi_cli import seed
from tests.harness import Platform

playwright_api = pytest.importorskip("playwright.sync_api")
from tests.web.test_browser import PHONE, browser, phone  # noqa: E402, F401 (the fixtures)

expect = playwright_api.expect
Page = playwright_api.Page


def mailed_invitation_code(platform: Platform, email: str, timeout: float = 20) -> str:
    """The code of the newest invitation mailed to `email` (the all-in-one logs its mail)."""
    log = platform.machi.log_dir / "all.log"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace")
        start = text.rfind(f"mail to {email}")
        found = (
            re.search(r"Invitation code: ([A-Za-z0-9_-]+)", text[start:]) if start >= 0 else None
        )
        if found:
            return found.group(1)
        time.sleep(0.2)
    raise AssertionError(f"no invitation mail to {email}")


def sign_in(page: Page, url: str, email: str, password: str) -> None:
    page.goto(f"{url}/console/login?lang=en")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{url}/console/")


def go_to(page: Page, name: str) -> None:
    """Open the console's menu and follow one of its links."""
    page.locator("details.menu > summary").click()
    page.locator(".menu-groups").get_by_role("link", name=name, exact=True).click()


def fits_the_phone(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"])


def join(page: Page, url: str, code: str, password: str) -> None:
    """Accept an invitation on its page, as the invitee's browser does."""
    page.goto(f"{url}/console/invitation?code={code}&lang=en")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Join").click()
    expect(page).to_have_url(f"{url}/console/")


def test_journey_1_an_admin_invites_a_writer_and_an_editor_and_connects_a_facebook_page(
    platform: Platform,
    browser: playwright_api.Browser,  # noqa: F811 (the imported fixture)
    phone: playwright_api.BrowserContext,  # noqa: F811
    screenshots: Path,
) -> None:
    page = phone.new_page()
    sign_in(page, platform.url, *seed.ADMIN)

    go_to(page, "Users")
    invite = page.locator("form[action='/console/users/invite']")
    tag = uuid.uuid4().hex[:6]
    writer, editor = f"writer-{tag}@takeo.example", f"editor-{tag}@takeo.example"
    invite.get_by_label("Email").fill(writer)
    invite.get_by_label("writer").check()
    invite.get_by_role("button", name="Invite").click()
    expect(page.get_by_role("status")).to_contain_text(f"Invitation sent to {writer}")
    invite.get_by_label("Email").fill(editor)
    invite.get_by_label("writer").uncheck()
    invite.get_by_label("editor").check()
    invite.get_by_role("button", name="Invite").click()
    expect(page.get_by_role("status")).to_contain_text(f"Invitation sent to {editor}")
    assert fits_the_phone(page)
    page.screenshot(path=screenshots / "journey-1-invited-en.png", full_page=True)

    # Each invitation is mailed; the editor follows theirs and is in.
    assert mailed_invitation_code(platform, writer)
    newcomer = browser.new_context(viewport=PHONE, is_mobile=True)
    try:
        joined = newcomer.new_page()
        join(joined, platform.url, mailed_invitation_code(platform, editor), "an editor's secret")
        expect(joined.locator(".brand")).to_contain_text("Takeo")
    finally:
        newcomer.close()
    roles = {
        u["email"]: u["roles"] for u in platform.seeded_admin().get("/v1/users").json()["items"]
    }
    assert roles[editor] == ["editor"]

    go_to(page, "Channels")
    page.get_by_label("Platform").select_option(label="Facebook")
    page.get_by_label("Whose account").select_option(value="town")
    page.get_by_role("button", name="Connect", exact=True).click()
    # Facebook's consent dialog (the fake Graph), then back to the console.
    expect(
        page.get_by_role("heading", name="Machi would like to manage your Pages")
    ).to_be_visible()
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/console/channels/oauth/facebook_page/callback\?"))
    expect(page.get_by_role("heading", name="Choose the pages to connect")).to_be_visible()
    page.get_by_label("Takeo City").check()
    page.screenshot(path=screenshots / "journey-1-choose-page-en.png", full_page=True)
    page.get_by_role("button", name="Connect these pages").click()

    expect(page).to_have_url(f"{platform.url}/console/channels?connected=1")
    expect(page.get_by_role("status")).to_have_text("Connected: 1 channel(s).")
    row = page.locator("tbody tr", has_text="Takeo City")
    expect(row).to_contain_text("Facebook")
    expect(row).to_contain_text("Active")
    assert fits_the_phone(page)
    page.screenshot(path=screenshots / "journey-1-page-connected-en.png", full_page=True)
    channels = platform.seeded_admin().get("/v1/channels").json()["items"]
    assert any(c["name"] == "Takeo City" and c["platform"] == "facebook_page" for c in channels)


def test_journey_6_the_operator_opens_a_partner_town_from_takeos_playbook(
    platform: Platform,
    browser: playwright_api.Browser,  # noqa: F811
    phone: playwright_api.BrowserContext,  # noqa: F811
    screenshots: Path,
) -> None:
    takeo = platform.seeded_admin().get("/v1/me").json()["tenant_id"]
    page = phone.new_page()
    sign_in(page, platform.url, *seed.OPERATOR)
    go_to(page, "Towns")
    expect(page.get_by_role("heading", name="Towns", exact=True)).to_be_visible()
    expect(page.locator("#town-takeo")).to_be_visible()

    page.get_by_label("Start from the playbook of").select_option(value=takeo)
    page.get_by_label("Address (the town's name in URLs)").fill("ureshino")
    page.get_by_label("日本語").fill("嬉野市")
    page.get_by_label("한국어").fill("우레시노시")
    page.get_by_label("English").fill("Ureshino City")
    page.get_by_label("Population").fill("25000")
    admin = f"admin-{uuid.uuid4().hex[:6]}@ureshino.example"
    page.get_by_label("Email of the town's admin (an invitation is sent)").fill(admin)
    page.get_by_role("button", name="Open the town").click()

    expect(page.get_by_role("heading", name=re.compile("^Ureshino City"))).to_be_visible()
    created = page.locator("#created")
    expect(created).to_contain_text("The town is open.")
    expect(created.locator(".applied")).to_have_text(["Catalog", "Publishing", "Reports"])
    expect(page.locator("#invited")).to_contain_text(f"Invitation sent to {admin}")
    expect(page.locator("#town-status")).to_have_text("Active")
    expect(page.locator("#town-plan")).to_have_text("town")
    assert fits_the_phone(page)
    page.screenshot(path=screenshots / "journey-6-town-opened-en.png", full_page=True)
    link = page.locator("#invitation-link").inner_text()

    # The partner's admin follows the link and finds Takeo's model in place on day one.
    partner = browser.new_context(viewport=PHONE, is_mobile=True)
    try:
        joined = partner.new_page()
        joined.goto(link + "&lang=ja")
        joined.get_by_label("パスワード").fill("ureshino admin secret")
        joined.get_by_role("button", name="参加する").click()
        expect(joined).to_have_url(f"{platform.url}/console/")
        expect(joined.locator(".brand")).to_contain_text("嬉野市")
    finally:
        partner.close()
    theirs = platform.login(admin, "ureshino admin secret").get("/v1/categories").json()["items"]
    ours = platform.seeded_admin().get("/v1/categories").json()["items"]
    assert sorted(c["slug"] for c in theirs) == sorted(c["slug"] for c in ours)
    assert theirs, "Takeo's categories came with the playbook"

    page.get_by_role("link", name="Towns", exact=True).first.click()
    page.locator("#town-ureshino").get_by_role("link").click()
    expect(page.locator("#invitation-link")).to_have_count(0)  # shown once
    expect(page.get_by_text(admin)).to_be_visible()  # the admin has joined

    go_to(page, "Usage")
    expect(page.locator("#usage-ureshino")).to_be_visible()
    expect(page.locator("#usage-takeo")).to_be_visible()
    page.screenshot(path=screenshots / "journey-6-usage-en.png", full_page=True)
    with page.expect_download() as waiting:
        page.get_by_role("link", name="Download as CSV for the invoices").click()
    download = waiting.value
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text())))
    assert {"takeo", "ureshino"} <= {row["slug"] for row in rows}
    assert download.suggested_filename.startswith("usage-")
