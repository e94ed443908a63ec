# ruff: noqa: RUF001  (Japanese text is written with full-width punctuation)
"""The inbox report page in a real browser, at a phone's width: a scripted day of conversations
(`contracts.samples.inbox_day`) goes through the publisher's outbox, the relay and the bus to
analytics, and the page shows the hand-computed times of `services/analytics/tests/
test_inbox_report.py` as people read them. Screenshots are left in var/test-output/browser/."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path

import httpx
import pytest

from contracts import samples
from kit.db import Database
from kit.events import outbox
from machi_cli import seed
from tests.harness import PASSWORD, Platform
from tests.web.test_browser import PHONE, browser, chromium_path, phone, playwright_api
from tests.web.test_pages import sign_in

__all__ = ["browser", "chromium_path", "phone"]  # the fixtures, shared with test_browser
DAY = {"start": "2026-10-01", "end": "2026-10-01"}  # the console's last day is inclusive
STAFF = ("Aiko Tanaka", "Ben Park")


def _play(platform: Platform, tenant: uuid.UUID, events: list[samples.InboxMilestone]) -> None:
    """Write the events as the publisher does, into its outbox, for its relay to publish."""

    async def write() -> None:
        db = Database(platform.settings.app_url("publisher"), pool_size=1)
        try:
            async with db.transaction(tenant) as session:
                for event in events:
                    await outbox.add(session, event, actor="inbox-day")
        finally:
            await db.dispose()

    asyncio.run(write())


@pytest.fixture(scope="module")
def inbox_day(platform: Platform, town_channels: dict[str, dict[str, str]]) -> None:
    """The demo town's scripted day: two staff members, its Facebook Page and its X account."""
    admin = platform.seeded_admin()
    tenant = uuid.UUID(admin.get("/v1/me").json()["tenant_id"])
    ids = []
    for name in STAFF:
        email = f"{name.split()[0].lower()}-inbox-report@takeo.example"
        body = {"email": email, "password": PASSWORD, "roles": ["staff"], "name": name}
        created = admin.post("/v1/users", json=body)
        assert created.status_code == 201, created.text
        ids.append(created.json()["id"])
    team = admin.post(
        "/v1/settings/inbox/groups", json={"name": "Tourism desk", "members": [ids[1]]}
    )
    assert team.status_code == 201, team.text
    fb = uuid.UUID(town_channels["facebook_page"]["id"])
    x = uuid.UUID(town_channels["x"]["id"])
    group = uuid.UUID(team.json()["id"])
    _play(platform, tenant, samples.inbox_day(fb, x, ids[0], ids[1], group, line_platform="x"))
    period = {"start": "2026-10-01", "end": "2026-10-02"}
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        report = admin.get("/v1/reports/inbox", params=period).json()
        if report["totals"]["conversations"] == 7 and report["totals"]["resolved"] == 5:
            return
        time.sleep(1)
    raise AssertionError(f"the day never reached the report: {report['totals']}")


def cells(page: playwright_api.Page, section: str, name: str) -> list[str]:
    """The figures of the row named `name` in the section `section`."""
    row = page.locator(f"#{section} tbody tr").filter(has=page.get_by_role("rowheader", name=name))
    return [c.strip() for c in row.locator("td").all_inner_texts()]


@pytest.mark.usefixtures("inbox_day")
def test_the_inbox_report_shows_the_scripted_days_times_on_a_phone(
    platform: Platform, phone: playwright_api.BrowserContext, screenshots: Path
) -> None:
    page = phone.new_page()
    page.goto(f"{platform.url}/console/reports?lang=en")
    page.get_by_label("Email").fill(seed.ADMIN[0])
    page.get_by_label("Password").fill(seed.ADMIN[1])
    page.get_by_role("button", name="Sign in").click()
    playwright_api.expect(page.get_by_role("heading", name="Reports", exact=True)).to_be_visible()
    page.screenshot(path=screenshots / "console-reports-before-inbox.png", full_page=True)
    page.get_by_role("link", name="Inbox response times").click()
    playwright_api.expect(page.get_by_role("heading", name="Inbox response times")).to_be_visible()
    page.get_by_label("From", exact=True).fill(DAY["start"])
    page.get_by_label("To", exact=True).fill(DAY["end"])
    page.get_by_role("button", name="Show").click()

    figure = page.locator("[data-figure]")
    assert figure.all_inner_texts() == ["7", "10 min", "1 hr"]
    # name: conversations, answered, first response p50 p90 p99 mean, resolved, resolution
    # p50 p90 p99 mean (the numbers of test_inbox_report.py, in seconds there).
    assert cells(page, "staff", "Aiko Tanaka") == [
        "3", "3", "10 min", "10 min", "10 min", "7 min 20 sec",
        "3", "1 hr", "1 hr", "1 hr", "46 min 40 sec",
    ]  # fmt: skip
    assert cells(page, "staff", "Ben Park") == [
        "3", "3", "30 min", "1 hr", "1 hr", "31 min 40 sec",
        "2", "2 hr", "3 hr", "3 hr", "2 hr 30 min",
    ]  # fmt: skip
    assert cells(page, "staff", "Unassigned") == ["1", "0", *["–"] * 4, "0", *["–"] * 4]
    assert cells(page, "groups", "Tourism desk") == cells(page, "staff", "Ben Park")
    assert cells(page, "groups", "No group") == [
        "4", "3", "10 min", "10 min", "10 min", "7 min 20 sec",
        "3", "1 hr", "1 hr", "1 hr", "46 min 40 sec",
    ]  # fmt: skip
    assert cells(page, "channels", "Takeo Town Hall") == [
        "4", "3", "10 min", "30 min", "30 min", "16 min 40 sec",
        "3", "1 hr", "3 hr", "3 hr", "1 hr 40 min",
    ]  # fmt: skip
    assert cells(page, "channels", "@takeo_city") == [
        "3", "3", "5 min", "1 hr", "1 hr", "22 min 20 sec",
        "2", "20 min", "2 hr", "2 hr", "1 hr 10 min",
    ]  # fmt: skip
    assert cells(page, "ages", "Under 1 hour") == ["1", "0"]
    assert cells(page, "ages", "4 to 24 hours") == ["2", "1"]
    page.get_by_text("Each day").click()
    assert cells(page, "days", "Thu, Oct 1") == ["7", "5"]
    assert page.locator("svg.bars rect").count() > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / "console-reports-inbox-en.png", full_page=True)

    page.goto(f"{platform.url}/console/reports/inbox?lang=ja&start=2026-10-01&end=2026-10-01")
    playwright_api.expect(page.get_by_role("heading", name="受信箱の応答時間")).to_be_visible()
    assert page.locator("[data-figure]").all_inner_texts() == ["7", "10 分", "1 時間"]
    assert cells(page, "staff", "未割り当て")[:2] == ["1", "0"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / "console-reports-inbox-ja.png", full_page=True)


@pytest.mark.usefixtures("inbox_day")
def test_the_inbox_report_downloads_as_csv_and_in_korean(
    platform: Platform, browser: playwright_api.Browser, screenshots: Path
) -> None:
    console = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(console, *seed.ADMIN).status_code == 303

    page = console.get("/console/reports/inbox", params={**DAY, "lang": "ko"})
    times = console.get("/console/reports/inbox.csv", params=DAY)
    days = console.get("/console/reports/inbox-days.csv", params=DAY)

    assert page.status_code == 200
    assert "받은편지함 응답 시간" in page.text
    assert times.headers["content-type"].startswith("text/csv")
    assert times.text.splitlines()[1].startswith("all,,,7,6,5,600.0,3600.0,3600.0,1170.0,")
    assert days.text.splitlines() == ["day,opened,closed", "2026-10-01,7,5"]
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        tab = desk.new_page()
        tab.goto(f"{platform.url}/console/login?lang=ko")
        tab.locator("input[name=email]").fill(seed.ADMIN[0])
        tab.locator("input[name=password]").fill(seed.ADMIN[1])
        tab.locator("form button[type=submit]").click()
        tab.goto(f"{platform.url}/console/reports/inbox?lang=ko&start=2026-10-01&end=2026-10-01")
        playwright_api.expect(
            tab.get_by_role("heading", name="받은편지함 응답 시간")
        ).to_be_visible()
        assert tab.locator("[data-figure]").all_inner_texts() == ["7", "10분", "1시간"]
        tab.screenshot(path=screenshots / "console-reports-inbox-ko-desktop.png", full_page=True)
    finally:
        desk.close()
