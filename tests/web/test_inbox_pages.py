"""The inbox pages over HTTP, against the all-in-one and the fake platforms: once a LINE
citizen's free reply token is past, the conversation page warns that the answer is a push counted
against the monthly quota, and nothing is sent until the staff member confirms it (the API's 409
is shown in the page's language, with the words kept); an editor hides a Facebook comment, and
deletes one only with the box ticked."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator
from html import unescape
from typing import Any

import httpx
import pytest

from kit.testing import platforms as fake
from kit.testing.platforms import FakeLine, FakeMeta
from kit.testing.waiting import eventually_sync
from machi_cli import seed
from tests.harness import Platform
from tests.web.test_pages import csrf_of, sign_in

PAGE_ID = "3001"  # the demo town's Page (conftest.town_channels)
APP_SECRET = "fb-secret"  # PUBLISHER_FACEBOOK_APP_SECRET of the test platform
WARNING = "プッシュメッセージとして送られ、アカウントの月間メッセージ数に数えられます"
TITLE = "LINEの応答トークンの期限が切れました。プッシュメッセージは月間の送信数に数えられます"


def comment_from_a_citizen(platform: Platform, name: str, words: str) -> dict[str, Any]:
    """A comment on the town's Page delivered through the public door as Meta would; the
    conversation the worker threads from it, as the admin's API reads it."""
    tag = uuid.uuid4().hex[:8]
    post_id, comment_id = f"{PAGE_ID}_{tag}", f"{PAGE_ID}_{tag}_1"
    body = fake.page_comment(PAGE_ID, post_id, comment_id, (f"citizen-{tag}", name), words)
    raw, headers = fake.meta_signed(body, APP_SECRET)
    sent = httpx.post(f"{platform.url}/webhooks/takeo/meta", content=raw, headers=headers)
    assert sent.status_code == 200, sent.text
    admin = platform.seeded_admin()

    def threaded() -> dict[str, Any] | None:
        listed = admin.get("/v1/conversations", params={"status": "open", "limit": 100})
        return next((t for t in listed.json()["items"] if t["post_ref"] == post_id), None)

    found = eventually_sync(threaded, what="the comment to be threaded")
    return {**found, "comment_id": comment_id}


@pytest.fixture
def line_channel(platform: Platform) -> Iterator[tuple[str, str, str]]:
    """A LINE account of the town, for this test alone: (channel id, bot id, channel secret);
    disabled afterwards, so the session's other pages never list it."""
    admin = platform.seeded_admin()
    tag = uuid.uuid4().hex[:8]
    bot, secret = f"Ubot{tag}", f"line-secret-{tag}"
    channel = admin.post(
        "/v1/channels",
        json={
            "platform": "line",
            "name": f"LINE {tag}",
            "external_id": bot,
            "credentials": {"access_token": f"line-token-{tag}", "channel_secret": secret},
        },
    )
    assert channel.status_code == 201, channel.text
    yield channel.json()["id"], bot, secret
    disabled = admin.patch(f"/v1/channels/{channel.json()['id']}", json={"status": "disabled"})
    assert disabled.status_code == 200, disabled.text


def line_thread(platform: Platform, line_channel: tuple[str, str, str], minutes_ago: int) -> Any:
    """A citizen's message to the LINE account sent `minutes_ago` (its reply token, good for a
    minute, long past), threaded by the worker."""
    admin = platform.seeded_admin()
    channel_id, bot, secret = line_channel
    citizen = f"U{uuid.uuid4().hex}"
    sent_at = int((time.time() - minutes_ago * 60) * 1000)
    event = fake.line_event(citizen, text="ゴミの日はいつですか", timestamp_ms=sent_at)
    raw, headers = fake.line_signed(fake.line_body(bot, event), secret)
    delivered = httpx.post(f"{platform.url}/webhooks/takeo/line", content=raw, headers=headers)
    assert delivered.status_code == 200, delivered.text

    def threaded() -> dict[str, Any] | None:
        listed = admin.get("/v1/conversations", params={"channel_id": channel_id})
        items = listed.json()["items"]
        return items[0] if items else None

    return eventually_sync(threaded, what="the LINE message to be threaded")


def text_of(page: httpx.Response) -> str:
    return unescape(re.sub(r"\s+", " ", page.text))


def test_a_late_line_answer_is_pushed_only_once_the_quota_cost_is_confirmed(
    platform: Platform, line_server: tuple[FakeLine, str], line_channel: tuple[str, str, str]
) -> None:
    line, _ = line_server
    thread = line_thread(platform, line_channel, minutes_ago=90)
    path = f"/console/inbox/{thread['id']}"
    staff = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(staff, *seed.ADMIN).status_code == 303

    page = staff.get(f"{path}?lang=ja")
    assert page.status_code == 200
    assert WARNING in text_of(page)
    assert 'name="confirm_push" value="yes" required' in page.text
    words = {"text": "毎週火曜日です。", "csrf_token": csrf_of(page)}

    refused = staff.post(f"{path}/reply", data=words)  # no confirmation: the API's 409
    assert refused.status_code == 409
    assert TITLE in text_of(refused)
    assert "毎週火曜日です。</textarea>" in refused.text  # the words are kept
    detail = platform.seeded_admin().get(f"/v1/conversations/{thread['id']}").json()
    assert [m["direction"] for m in detail["messages"]] == ["in"]  # nothing queued

    pushed = staff.post(f"{path}/reply", data={**words, "confirm_push": "yes"})
    assert pushed.status_code == 303
    assert pushed.headers["location"] == f"{path}?done=replied"

    def sent() -> list[dict[str, Any]]:
        return [p for p in line.pushes if p.get("to") == thread["author_id"]]

    (push,) = eventually_sync(sent, what="the push to reach LINE")
    assert "毎週火曜日です。" in str(push)
    assert not [r for r in line.replies if "毎週火曜日です。" in str(r)]  # never as a reply too


def test_an_editor_hides_a_comment_and_deletes_one_only_when_confirmed(
    platform: Platform,
    town_channels: dict[str, dict[str, Any]],
    meta_server: tuple[FakeMeta, str],
) -> None:
    graph, _ = meta_server
    thread = comment_from_a_citizen(platform, "Troll", "Buy cheap followers at example.com")
    path = f"/console/inbox/{thread['id']}"
    editor = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(editor, *seed.ADMIN).status_code == 303
    page = editor.get(f"{path}?lang=en")
    (message_id,) = re.findall(rf"{path}/messages/([0-9a-f-]+)/hide", page.text)
    token = csrf_of(page)
    base = f"{path}/messages/{message_id}"

    hidden = editor.post(f"{base}/hide", data={"csrf_token": token})
    unconfirmed = editor.post(f"{base}/delete", data={"csrf_token": token})
    ours = [m for m in graph.moderations if m["id"] == thread["comment_id"]]

    assert hidden.status_code == 303
    shown = editor.get(hidden.headers["location"])
    assert "The comment is hidden on the platform." in text_of(shown)
    assert f"{base}/unhide" in shown.text  # it can be shown again
    assert unconfirmed.status_code == 422
    assert "a deleted comment cannot be brought back" in text_of(unconfirmed)
    assert [m["action"] for m in ours] == ["hide"]  # nothing deleted without the tick

    deleted = editor.post(f"{base}/delete", data={"csrf_token": token, "confirm_delete": "yes"})
    assert deleted.status_code == 303
    ours = [m for m in graph.moderations if m["id"] == thread["comment_id"]]
    assert [m["action"] for m in ours] == ["hide", "delete"]
    assert "Removed on the platform" in text_of(editor.get(path))


def test_a_conversation_given_to_a_group_goes_to_its_member_and_shows_under_my_groups(
    platform: Platform, town_channels: dict[str, dict[str, Any]]
) -> None:
    admin = platform.seeded_admin()
    me = admin.get("/v1/me").json()["sub"]
    name = f"Tourism {uuid.uuid4().hex[:6]}"
    group = admin.post("/v1/settings/inbox/groups", json={"name": name, "members": [me]})
    assert group.status_code == 201, group.text
    thread = comment_from_a_citizen(platform, "Kim Minji", "온천은 몇 시까지 하나요?")
    path = f"/console/inbox/{thread['id']}"
    staff = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(staff, *seed.ADMIN).status_code == 303
    page = staff.get(f"{path}?lang=ko")
    assert f'<option value="{group.json()["id"]}">{name}</option>' in page.text

    handed = staff.post(
        f"{path}/change",
        data={
            "csrf_token": csrf_of(page),
            "version": unescape(re.findall(r'name="version" value="([^"]+)"', page.text)[0]),
            "group_id": group.json()["id"],
            "was_group_id": "",
            "assignee": "",
            "was_assignee": "",
            "status": "open",
            "priority": "normal",
            "tags": "",
        },
    )

    assert handed.status_code == 303, handed.text
    after = admin.get(f"/v1/conversations/{thread['id']}").json()
    assert (after["group_id"], after["assignee"]) == (group.json()["id"], me)  # its turn
    listed = staff.get("/console/inbox?view=groups&lang=ko")
    assert f'href="/console/inbox/{thread["id"]}"' in listed.text
    assert name in text_of(listed)
    unassigned = staff.get("/console/inbox?view=unassigned")
    assert f'href="/console/inbox/{thread["id"]}"' not in unassigned.text


def test_a_writers_public_reply_waits_for_an_editor_and_goes_out_once_approved(
    platform: Platform,
    town_channels: dict[str, dict[str, Any]],
    town_team: dict[str, tuple[str, str]],
    meta_server: tuple[FakeMeta, str],
) -> None:
    graph, _ = meta_server
    admin = platform.seeded_admin()
    held = admin.put("/v1/settings/inbox", json={"public_replies_need_approval": True})
    assert held.status_code == 200, held.text
    try:
        thread = comment_from_a_citizen(platform, "Mori Aya", "Where do I park for the market?")
        path = f"/console/inbox/{thread['id']}"
        writer = httpx.Client(base_url=platform.url, timeout=30)
        assert sign_in(writer, *town_team["writer"]).status_code == 303
        page = writer.get(f"{path}?lang=en")
        words = {"text": "The town hall car park is free on Sundays.", "csrf_token": csrf_of(page)}

        queued = writer.post(f"{path}/reply", data=words)
        assert queued.headers["location"] == f"{path}?done=held"
        shown = text_of(writer.get(queued.headers["location"]))
        assert "Your reply waits for an editor's approval before it goes out." in shown
        assert f"{path}/replies/" not in shown  # its author cannot approve it

        editor = httpx.Client(base_url=platform.url, timeout=30)
        assert sign_in(editor, *seed.ADMIN).status_code == 303
        waiting = editor.get("/console/inbox?view=awaiting&status=any&lang=en")
        assert f'href="{path}"' in waiting.text
        review = editor.get(f"{path}?lang=en")
        (approve,) = re.findall(rf'action="({path}/replies/[0-9a-f-]+/approve)"', review.text)
        assert not [r for r in graph.replies if r["to"] == thread["comment_id"]]  # held

        approved = editor.post(approve, data={"csrf_token": csrf_of(review)})
        assert approved.headers["location"] == f"{path}?done=approved"

        def sent() -> list[dict[str, Any]]:
            return [r for r in graph.replies if r["to"] == thread["comment_id"]]

        (reply,) = eventually_sync(sent, what="the approved reply to reach the Page")
        assert reply["message"] == "The town hall car park is free on Sundays."
    finally:
        admin.put("/v1/settings/inbox", json={"public_replies_need_approval": False})
