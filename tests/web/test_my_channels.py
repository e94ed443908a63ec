"""Staff members' own accounts in the console ("My channels") and each channel's delivery history:
connecting a Mastodon account by its server's address (the fake instance on loopback registers
Machi's app and shows its consent page; the test plays the browser), a refused internal address,
failures in plain words, and a retry offered only where it cannot post twice."""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from sqlalchemy import text

from kit.db import Database
from kit.testing.platforms import FakeMastodon, FakeX
from tests.harness import PASSWORD, Platform
from tests.web.test_channels import consent_of
from tests.web.test_pages import csrf_of, sign_in


def _staff_member(platform: Platform, name: str) -> tuple[str, str]:
    """A new staff user of the demo town: (email, user id)."""
    email = f"{name}-{uuid.uuid4().hex[:6]}@takeo.example"
    made = platform.seeded_admin().post(
        "/v1/users", json={"email": email, "password": PASSWORD, "roles": ["staff"]}
    )
    assert made.status_code == 201, made.text
    return email, str(made.json()["id"])


@pytest.fixture
def staff(platform: Platform) -> tuple[httpx.Client, str]:
    """A signed-in staff member's browser, and their user id."""
    email, user_id = _staff_member(platform, "staff")
    browser = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(browser, email, PASSWORD).status_code == 303
    return browser, user_id


def test_a_staff_member_connects_their_own_mastodon_account_by_its_address(
    platform: Platform,
    staff: tuple[httpx.Client, str],
    fake_mastodon: tuple[FakeMastodon, str],
    town_channels: dict[str, dict[str, Any]],  # the town's X account, never offered to staff
) -> None:
    browser, user_id = staff
    fake, instance = fake_mastodon
    mine = browser.get("/console/channels/mine?lang=en")
    assert mine.status_code == 200
    assert 'href="/console/channels/mine" aria-current="page"' in mine.text
    assert "You have not connected an account of your own yet." in mine.text
    started = browser.post(
        "/console/channels/connect",
        data={
            "platform": "mastodon",
            "owner_kind": "staff",
            "instance_url": instance,
            "csrf_token": csrf_of(mine),
        },
    )
    consent_url = consent_of(started)
    assert consent_url.startswith(f"{instance}/oauth/authorize?")
    # The instance registered Machi's app with the console's callback, then shows its consent.
    back = f"{platform.url}/console/channels/oauth/mastodon/callback"
    assert fake.registrations[-1]["redirect_uri"] == back
    consent = httpx.get(consent_url)
    assert consent.status_code == 200
    assert "Authorize" in consent.text
    query = parse_qs(urlsplit(consent_url).query)
    allowed = httpx.post(
        f"{instance}/oauth/authorize",
        data={"redirect_uri": query["redirect_uri"][0], "state": query["state"][0]},
    )
    assert allowed.status_code == 303
    returned = urlsplit(allowed.headers["location"])
    done = browser.get(f"{returned.path}?{returned.query}")
    assert done.status_code == 303, done.text
    assert done.headers["location"] == "/console/channels/mine?connected=1"
    listed = browser.get(done.headers["location"]).text
    assert "Connected: 1 channel(s)." in listed
    assert "@librarian" in listed
    assert "Mastodon" in listed
    owned = platform.seeded_admin().get("/v1/channels", params={"owner_user": user_id})
    [channel] = owned.json()["items"]
    assert (channel["owner_kind"], channel["config"]["instance_url"]) == ("staff", instance)
    # The admin sees it among the staff members' own accounts, not the town's.
    admin = httpx.Client(base_url=platform.url, timeout=30)
    sign_in(admin, "admin@takeo.example", "takeo-admin")
    town = admin.get("/console/channels?lang=en").text
    staff_part = re.split(r"Staff members(?:'|&#39;) own accounts", town)
    assert len(staff_part) == 3, town[-3000:]  # the heading and the table's caption
    assert "@librarian" in staff_part[2]
    assert "@librarian" not in staff_part[0]
    # The staff member's composer offers their own account, never the town's.
    composer = browser.get("/console/posts/new?lang=en").text
    assert "@librarian" in composer
    assert "@takeo_city" not in composer


@pytest.mark.parametrize(
    ("language", "words", "heading"),
    [
        ("en", "not on the public internet", "My channels"),
        ("ja", "公開されたインターネット上にない", "マイチャンネル"),
        ("ko", "공개 인터넷에 있지 않아", "내 채널"),
    ],
)
def test_an_internal_server_address_is_refused_in_plain_words(
    staff: tuple[httpx.Client, str], language: str, words: str, heading: str
) -> None:
    browser, _ = staff
    page = browser.get(f"/console/channels/mine?lang={language}")
    refused = browser.post(
        "/console/channels/connect",
        data={
            "platform": "mastodon",
            "owner_kind": "staff",
            "instance_url": "http://127.0.0.1:5432",  # the database, inside the network
            "csrf_token": csrf_of(page),
        },
    )
    assert refused.status_code == 400
    assert words in refused.text
    assert f"<h1>{heading}</h1>" in refused.text  # shown where the staff member typed it


def test_a_staff_member_connects_only_their_own_accounts(
    staff: tuple[httpx.Client, str],
) -> None:
    browser, _ = staff
    town = browser.get("/console/channels?lang=en")
    assert town.status_code == 200
    assert "Connect an account" not in town.text  # the town's accounts are the admin's
    assert 'href="/console/channels/mine"' in town.text
    refused = browser.post(
        "/console/channels/connect",
        data={"platform": "x", "owner_kind": "town", "csrf_token": csrf_of(town)},
    )
    assert refused.status_code == 403
    assert "You connect your own accounts here" in refused.text


# --- delivery history ------------------------------------------------------------------------


def _in_publisher(platform: Platform, tenant: str, statements: list[tuple[str, dict]]) -> None:
    """Write what the dispatcher would have written (the failures are set up, not waited for)."""

    async def run() -> None:
        db = Database(platform.settings.app_url("publisher"), pool_size=1)
        try:
            async with db.transaction(uuid.UUID(tenant)) as session:
                for statement, values in statements:
                    await session.execute(text(statement), values)
        finally:
            await db.dispose()

    asyncio.run(run())


def _failed(
    platform: Platform,
    tenant: str,
    delivery_id: str,
    *,
    category: str,
    phase: str,
    http_status: int,
    message: str,
) -> None:
    """The delivery failed in `phase` with the platform's `http_status`; a commit phase means
    the publish call was made."""
    committed = "now()" if phase == "commit" else "NULL"
    _in_publisher(
        platform,
        tenant,
        [
            (
                "UPDATE deliveries SET state = 'failed', error_category = :c, error_message = :m,"
                f" due_at = now(), commit_started_at = {committed} WHERE id = :d",
                {"c": category, "m": message, "d": delivery_id},
            ),
            (
                "INSERT INTO delivery_attempts (id, tenant_id, delivery_id, phase, outcome,"
                " http_status, message, duration_ms, rate_limit, at) VALUES (:i, :t, :d, :p, :c,"
                " :s, :m, 12, '{}', now())",
                {
                    "i": uuid.uuid4(),
                    "t": uuid.UUID(tenant),
                    "d": delivery_id,
                    "p": phase,
                    "c": category,
                    "s": http_status,
                    "m": message,
                },
            ),
        ],
    )


def _delivery_of(admin: httpx.Client, channel_id: str, text_: str) -> dict[str, Any]:
    """A post by the channel's owner, scheduled for tomorrow (the dispatcher leaves it alone)."""
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    post = admin.post("/v1/posts", json={"text": text_, "channel_ids": [channel_id]}).json()
    assert admin.post(f"/v1/posts/{post['id']}/submit").status_code == 200
    scheduled = admin.post(f"/v1/posts/{post['id']}/schedule", json={"at": tomorrow})
    assert scheduled.status_code == 200, scheduled.text
    [delivery] = admin.get("/v1/deliveries", params={"post_id": post["id"]}).json()["items"]
    return dict(delivery)


def test_the_delivery_history_explains_failures_and_retries_only_the_safe_ones(
    platform: Platform,
    staff: tuple[httpx.Client, str],
    fake_x: tuple[FakeX, str],
) -> None:
    browser, user_id = staff
    admin = platform.seeded_admin()
    tenant = admin.get("/v1/me").json()["tenant_id"]
    name = f"desk{uuid.uuid4().hex[:6]}"
    channel = admin.post(
        "/v1/channels",
        json={
            "platform": "x",
            "name": f"@{name}",
            "owner_kind": "staff",
            "owner_user": user_id,
            "approval_policy": "none",
            "external_id": name,
            "credentials": {"access_token": f"x-access-{name}"},
        },
    ).json()
    words = f"Library reopening {name}"
    before_publish = _delivery_of(admin, channel["id"], words)
    after_publish = _delivery_of(admin, channel["id"], f"Duplicate {name}")
    _failed(
        platform,
        tenant,
        before_publish["id"],
        category="retry",
        phase="prepare",
        http_status=503,
        message="Service Unavailable",
    )
    _failed(
        platform,
        tenant,
        after_publish["id"],
        category="permanent",
        phase="commit",
        http_status=403,
        message="You are not allowed to create a Tweet with duplicate content.",
    )

    page = browser.get(f"/console/channels/{channel['id']}?lang=en")
    assert page.status_code == 200, page.text
    assert "The platform had a problem of its own and did not take the post." in page.text
    assert "the same text was posted before" in page.text
    assert "Machi does not send this one again" in page.text
    retry = f"/console/channels/{channel['id']}/deliveries/{before_publish['id']}/retry"
    assert page.text.count('action="/console/channels/') == 1  # one retry: the safe one
    assert f'action="{retry}"' in page.text
    ja = browser.get(f"/console/channels/{channel['id']}?lang=ja").text
    assert "同じ内容" in ja
    browser.get(f"/console/channels/{channel['id']}?lang=en")  # the switch back is remembered

    # The delivery whose publish call was made is refused by the API itself.
    refused = browser.post(
        f"/console/channels/{channel['id']}/deliveries/{after_publish['id']}/retry",
        data={"csrf_token": csrf_of(page)},
    )
    assert refused.status_code == 409
    assert "This delivery cannot be sent again." in refused.text
    assert "publish call was made" in refused.text

    sent = browser.post(retry, data={"csrf_token": csrf_of(page)})
    assert sent.status_code == 303
    assert "Sent again" in browser.get(sent.headers["location"] + "&lang=en").text
    x, _ = fake_x
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not any(p["text"] == words for p in x.posts):
        time.sleep(0.2)
    assert [p["user"] for p in x.posts if p["text"] == words] == [name]
    assert not any(p["text"] == f"Duplicate {name}" for p in x.posts)
    state = ""
    while time.monotonic() < deadline and state != "published":  # its outcome is written next
        state = admin.get(f"/v1/deliveries/{before_publish['id']}").json()["state"]
        time.sleep(0.2)
    assert state == "published"
