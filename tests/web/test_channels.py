"""The channels page over HTTP: the town's channels with their status, and connecting an X
account by OAuth owned by the console (started and completed with the signed-in admin's token;
the fake X answers the code exchange, the test plays the browser's return from the consent page)."""

from __future__ import annotations

import asyncio
import html
import re
import uuid
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from sqlalchemy import text

from contracts.publisher import ChannelNeedsReauthV1
from kit.db import Database
from kit.events import outbox
from kit.testing.waiting import eventually_sync
from machi_cli import seed
from tests.harness import Platform
from tests.web.test_pages import csrf_of, sign_in


def consent_of(started: httpx.Response) -> str:
    """Where the console sends the browser to grant access: a page of the console that moves on
    by itself (its CSP keeps a form's answer from redirecting to another site)."""
    assert started.status_code == 200, started.text
    found = re.search(r'<a class="button" id="consent" href="([^"]+)"', started.text)
    assert found, started.text
    assert f'<meta http-equiv="refresh" content="0; url={found.group(1)}">' in started.text
    return html.unescape(found.group(1))


@pytest.fixture
def admin(platform: Platform) -> httpx.Client:
    browser = httpx.Client(base_url=platform.url, timeout=30)
    assert sign_in(browser, *seed.ADMIN).status_code == 303
    return browser


def test_the_channels_page_lists_the_towns_channels_with_their_status(
    admin: httpx.Client,
) -> None:
    page = admin.get("/console/channels")
    assert page.status_code == 200
    assert 'href="/console/channels" aria-current="page"' in page.text
    assert "Connect an account" in page.text
    assert "Active" in page.text or "No channel is connected yet." in page.text
    ja = admin.get("/console/channels?lang=ja")
    assert "チャンネル" in ja.text


def test_an_admin_connects_an_x_account_through_the_console(
    admin: httpx.Client, platform: Platform, fake_x: tuple[object, str]
) -> None:
    token = csrf_of(admin.get("/console/channels"))
    started = admin.post(
        "/console/channels/connect",
        data={"platform": "x", "owner_kind": "town", "csrf_token": token},
    )
    consent = urlsplit(consent_of(started))
    assert f"{consent.scheme}://{consent.netloc}" == fake_x[1]
    query = parse_qs(consent.query)
    back = query["redirect_uri"][0]
    assert back == f"{platform.url}/console/channels/oauth/x/callback"
    # The consent page sends the browser back to the console with a code and the state.
    done = admin.get(
        urlsplit(back).path, params={"code": "x-code-webconsole", "state": query["state"][0]}
    )
    assert done.status_code == 303, done.text
    assert done.headers["location"] == "/console/channels?connected=1"
    listed = admin.get(done.headers["location"])
    assert "Connected: 1 channel(s)." in listed.text
    assert "webconsole" in listed.text
    # The same state again is refused in plain words, and nothing more is connected.
    again = admin.get(
        urlsplit(back).path, params={"code": "x-code-other", "state": query["state"][0]}
    )
    assert again.status_code == 400
    assert "The account could not be connected." in again.text
    assert "other" not in admin.get("/console/channels").text.replace("another", "")


def test_the_callback_needs_a_signed_in_admin(platform: Platform) -> None:
    stranger = httpx.Client(base_url=platform.url, timeout=30)
    answer = stranger.get("/console/channels/oauth/x/callback?code=x-code-a&state=s")
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/console/login?next=")


def test_connecting_without_the_csrf_token_is_refused(admin: httpx.Client) -> None:
    answer = admin.post("/console/channels/connect", data={"platform": "x"})
    assert answer.status_code == 403


def test_a_refused_consent_comes_back_as_plain_words(admin: httpx.Client) -> None:
    answer = admin.get("/console/channels/oauth/x/callback?error=access_denied")
    assert answer.status_code == 400
    assert "The platform did not grant access" in answer.text


def test_an_admin_chooses_which_facebook_pages_become_channels(
    admin: httpx.Client, platform: Platform
) -> None:
    token = csrf_of(admin.get("/console/channels"))
    started = admin.post(
        "/console/channels/connect",
        data={"platform": "facebook_page", "owner_kind": "shop", "csrf_token": token},
    )
    query = parse_qs(urlsplit(consent_of(started)).query)
    back = urlsplit(query["redirect_uri"][0]).path
    assert back == "/console/channels/oauth/facebook_page/callback"
    offer = admin.get(back, params={"code": "fb-code", "state": query["state"][0]})
    assert offer.status_code == 200, offer.text
    assert "Choose the pages to connect" in offer.text
    assert 'name="ids" value="1002"' in offer.text
    connection = re.search(r'name="connection_id" value="([^"]+)"', offer.text)
    assert connection
    chosen = admin.post(
        "/console/channels/oauth/facebook_page/select",
        data={"connection_id": connection.group(1), "ids": "1002", "csrf_token": token},
    )
    assert chosen.status_code == 303, chosen.text
    assert chosen.headers["location"] == "/console/channels?connected=1"
    listed = admin.get("/console/channels").text
    assert '>Fun Buy Takeo</a> <span class="muted">Facebook</span></td>' in listed
    assert '>Takeo City</a> <span class="muted">Facebook</span>' not in listed  # not chosen


def _connect_x(admin: httpx.Client, account: str) -> None:
    """Connect the X account `account` through the console, as the browser would."""
    token = csrf_of(admin.get("/console/channels"))
    started = admin.post("/console/channels/connect", data={"platform": "x", "csrf_token": token})
    query = parse_qs(urlsplit(consent_of(started)).query)
    back = urlsplit(query["redirect_uri"][0]).path
    done = admin.get(back, params={"code": f"x-code-{account}", "state": query["state"][0]})
    assert done.status_code == 303, done.text


def _lose_access(platform: Platform, tenant: str, name: str) -> None:
    """What the token job does when X refuses a refresh: the channel needs reconnecting."""

    async def mark() -> None:
        db = Database(platform.settings.app_url("publisher"), pool_size=1)
        try:
            async with db.transaction(uuid.UUID(tenant)) as session:
                await session.execute(
                    text(
                        "UPDATE channels SET status = 'needs_reauth',"
                        " status_reason = 'invalid_grant' WHERE name = :name"
                    ),
                    {"name": name},
                )
        finally:
            await db.dispose()

    asyncio.run(mark())


def test_a_channel_that_lost_access_says_why_and_reconnects(
    admin: httpx.Client, platform: Platform, fake_x: tuple[object, str]
) -> None:
    _connect_x(admin, "lostaccess")
    tenant = platform.seeded_admin().get("/v1/me").json()["tenant_id"]
    _lose_access(platform, tenant, "@lostaccess")
    page = admin.get("/console/channels")
    row = page.text.split(">@lostaccess</a>")[1].split("</tr>")[0]
    assert "Needs reconnecting" in row
    assert "no longer accepts Machi" in row
    assert "(invalid_grant)" in row
    assert "Reconnect</button>" in row
    assert "lostaccess" in admin.get("/console/").text  # the dashboard names it
    again = admin.post(
        "/console/channels/connect",
        data={"platform": "x", "owner_kind": "town", "csrf_token": csrf_of(page)},
    )
    assert consent_of(again).startswith(fake_x[1])


def _announce_lost_access(platform: Platform, tenant: str, name: str) -> None:
    """The event the publisher sends when a channel turns needs_reauth, put in its outbox as
    `channels.service.mark_needs_reauth` does; its relay and the gateway do the rest."""

    async def announce() -> None:
        db = Database(platform.settings.app_url("publisher"), pool_size=1)
        lost = ChannelNeedsReauthV1(
            channel_id=uuid.uuid4(), platform="x", name=name, reason="invalid_grant"
        )
        try:
            async with db.transaction(uuid.UUID(tenant)) as session:
                await outbox.add(session, lost)
        finally:
            await db.dispose()

    asyncio.run(announce())


def test_a_channel_that_lost_access_is_a_notice_on_the_dashboard_until_read(
    admin: httpx.Client, platform: Platform
) -> None:
    name = f"@notice{uuid.uuid4().hex[:6]}"
    tenant = platform.seeded_admin().get("/v1/me").json()["tenant_id"]
    _announce_lost_access(platform, tenant, name)
    told = f"{name} (x) must be reconnected"

    page = eventually_sync(
        lambda: told in (shown := admin.get("/console/").text) and shown,
        timeout=30,
        what="the notice on the dashboard",
    )
    item = page.split(told)[1].split("</li>")[0]
    action = re.search(r'action="(/console/notifications/[^"]+/read)"', item)
    assert action, item
    read = admin.post(action.group(1), data={"csrf_token": csrf_of(admin.get("/console/"))})

    assert read.status_code == 303
    assert told not in admin.get("/console/").text
    assert "お知らせ" in admin.get("/console/?lang=ja").text


def test_a_channel_page_offers_its_best_times_as_slots(
    admin: httpx.Client, town_channels: dict[str, dict[str, object]]
) -> None:
    path = f"/console/channels/{town_channels['x']['id']}"
    page = admin.get(path)
    assert page.status_code == 200
    assert 'id="best-slots"' in page.text

    added = admin.post(f"{path}/slot-suggestions/accept", data={"csrf_token": csrf_of(page)})

    assert added.status_code == 303
    assert added.headers["location"].startswith(f"{path}?slots=")
    after = admin.get(added.headers["location"])
    assert "Slots added:" in after.text
    assert "Add these times as slots" not in after.text  # every suggested time is a slot now
    assert "게시하기 좋은 시간" in admin.get(f"{path}?lang=ko").text
