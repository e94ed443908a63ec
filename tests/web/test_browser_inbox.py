"""The inbox in a real browser: a citizen's Facebook comment arrives as Meta sends it (signed with
the app secret), a staff member opens it from the inbox, answers with a saved reply in English,
sees the fake Graph API get exactly one reply under the comment, and closes the conversation; at
a desktop's and a phone's width, with screenshots left in var/test-output/browser/."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from kit.testing.platforms import FakeMeta
from kit.testing.waiting import eventually_sync
from machi_cli import seed
from tests.harness import Platform

playwright_api = pytest.importorskip("playwright.sync_api")
from tests.web.test_browser import (  # noqa: E402, F401 (the fixtures)
    PHONE,
    audited,
    browser,
    phone,
    serious_violations,
)
from tests.web.test_browser_console import sign_in  # noqa: E402
from tests.web.test_inbox_pages import comment_from_a_citizen  # noqa: E402

expect = playwright_api.expect
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def desktop(browser: playwright_api.Browser) -> Any:  # noqa: F811
    context = browser.new_context(viewport=DESKTOP)
    try:
        yield context
    finally:
        context.close()


def test_a_staff_member_answers_a_comment_and_closes_the_conversation(
    platform: Platform,
    town_channels: dict[str, dict[str, Any]],
    meta_server: tuple[FakeMeta, str],
    desktop: Any,
    screenshots: Path,
) -> None:
    graph, _ = meta_server
    hours = {"ja": "日曜日は9時から17時まで営業しています。", "en": "Yes, from 9:00 to 17:00."}
    title = f"Opening hours {uuid.uuid4().hex[:6]}"
    saved = platform.seeded_admin().post(
        "/v1/settings/inbox/templates", json={"title": title, "bodies": hours}
    )
    assert saved.status_code == 201, saved.text
    thread = comment_from_a_citizen(platform, "Sato Hanako", "Is the tofu shop open on Sunday?")
    before = len(graph.replies)
    page = desktop.new_page()
    sign_in(page, platform.url, *seed.ADMIN)

    menu = page.locator("details.menu > summary")
    expect(menu.locator(".badge")).to_be_visible()  # open conversations, in the menu
    menu.click()
    page.get_by_role("link", name="Inbox").click()
    expect(page.get_by_role("heading", name="Inbox", exact=True)).to_be_visible()
    row = page.locator("li.thread", has_text="Is the tofu shop open on Sunday?")
    expect(row).to_contain_text("Sato Hanako")
    expect(row).to_contain_text("Facebook")
    expect(row).to_contain_text("Nobody")
    page.screenshot(path=screenshots / "inbox-list-en-desktop.png", full_page=True)

    row.get_by_role("link").click()
    expect(page.get_by_role("heading", name="Sato Hanako")).to_be_visible()
    history = page.locator("ol.history")
    expect(history).to_contain_text("Is the tofu shop open on Sunday?")
    page.get_by_label("Saved reply", exact=True).select_option(label=f"{title} (ja, en)")
    page.get_by_label("Language of the saved reply").select_option("en")
    page.get_by_role("button", name="Send reply").click()
    expect(page.get_by_role("status")).to_contain_text("Reply queued")

    def sent() -> bool:
        page.reload()
        return page.locator("li.message.from-out .state-sent").count() == 1

    eventually_sync(sent, what="the reply to be sent")
    expect(page.locator("li.message.from-out")).to_contain_text(f"From the saved reply: {title}")
    replies = graph.replies[before:]
    assert [(r["kind"], r["to"], r["message"]) for r in replies] == [
        ("comment", thread["comment_id"], "Yes, from 9:00 to 17:00.")
    ]
    page.screenshot(path=screenshots / "inbox-conversation-en-desktop.png", full_page=True)

    page.get_by_role("button", name="Close the conversation").click()
    expect(page.get_by_role("status")).to_contain_text("Conversation closed.")
    expect(page.get_by_label("Status")).to_have_value("closed")
    closed = platform.seeded_admin().get(f"/v1/conversations/{thread['id']}").json()
    assert closed["status"] == "closed"
    assert len(graph.replies) == before + 1  # still exactly one


@pytest.mark.parametrize("language", ["ja", "ko"])
def test_the_inbox_fits_a_phone_in_japanese_and_korean(
    platform: Platform,
    town_channels: dict[str, dict[str, Any]],
    phone: playwright_api.BrowserContext,  # noqa: F811
    screenshots: Path,
    language: str,
) -> None:
    words = {"ja": "粗大ごみの出し方を教えてください。", "ko": "대형 쓰레기는 어떻게 버리나요?"}
    thread = comment_from_a_citizen(platform, "武雄 花子", words[language])
    page = phone.new_page()
    sign_in(page, platform.url, *seed.ADMIN)
    page.goto(f"{platform.url}/console/inbox?lang={language}")
    expect(page.locator("li.thread", has_text=words[language])).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / f"inbox-list-{language}-phone.png", full_page=True)

    page.goto(f"{platform.url}/console/inbox/{thread['id']}")
    expect(page.locator("ol.history")).to_contain_text(words[language])
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=screenshots / f"inbox-conversation-{language}-phone.png", full_page=True)


def test_the_inbox_pages_have_no_serious_accessibility_violations(
    platform: Platform,
    town_channels: dict[str, dict[str, Any]],
    audited: playwright_api.BrowserContext,  # noqa: F811
) -> None:
    thread = comment_from_a_citizen(platform, "Ito Ken", "The bus stop sign fell over.")
    page = audited.new_page()
    sign_in(page, platform.url, *seed.ADMIN)
    for path in ("/console/inbox?lang=ja", f"/console/inbox/{thread['id']}?lang=ko"):
        page.goto(f"{platform.url}{path}")
        assert serious_violations(page) == [], path
