"""The rules tables of the redirect: bots, user agents, destinations, visitor hashes."""

import re
import uuid
from datetime import date, datetime, timedelta, timezone

import pytest

from analytics.errors import DestinationRefused
from analytics.links import destinations
from analytics.redirect import bots, useragent
from analytics.redirect import repository as redirect_repo
from analytics.redirect.visitors import visitor_hash
from analytics.rollups.service import hour_of
from kit.runtime import ServiceRuntime

IPHONE_LINE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 Safari Line/14.3.0"
)
ANDROID_FB = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Version/4.0 Chrome/124.0 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/460.0.0.0;]"
)
WINDOWS_EDGE = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/124.0 Safari/537.36 Edg/124.0"
)
IPAD_SAFARI = (
    "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)


@pytest.mark.parametrize(
    ("ua", "expected"),
    [
        (IPHONE_LINE, ("mobile", "iOS", "LINE")),
        (ANDROID_FB, ("mobile", "Android", "Facebook")),
        (WINDOWS_EDGE, ("desktop", "Windows", "Edge")),
        (IPAD_SAFARI, ("tablet", "iOS", "Safari")),
    ],
)
def test_user_agent_gives_device_os_browser(ua: str, expected: tuple[str, str, str]) -> None:
    agent = useragent.parse(ua, bot=False)
    assert (agent.device, agent.os, agent.browser) == expected


@pytest.mark.parametrize(
    ("ua", "reason"),
    [
        (
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "facebook-preview",
        ),
        (
            "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters)",
            "meta-crawler",
        ),
        ("Twitterbot/1.0", "twitter-preview"),
        ("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "slack-preview"),
        ("WhatsApp/2.23.20.0 A", "whatsapp-preview"),
        ("Mozilla/5.0 (compatible; Linespider/2.0; +https://lin.ee/4dwXkTH)", "line-preview"),
        ("Discordbot/2.0", "discord-preview"),
        ("curl/8.5.0", "http-library"),
        ("", "no-user-agent"),
    ],
)
def test_preview_fetchers_are_flagged_with_a_reason(ua: str, reason: str) -> None:
    assert bots.bot_reason(ua, head=False) == reason


def test_people_in_in_app_browsers_are_not_bots() -> None:
    for ua in (IPHONE_LINE, ANDROID_FB, WINDOWS_EDGE, IPAD_SAFARI):
        assert bots.bot_reason(ua, head=False) is None
    assert bots.bot_reason(IPHONE_LINE, head=True) == "head-request"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>",
        "https://evil.example/",
        "https://store.shopping.yahoo.co.jp.evil.example/",
        "https://u:p@store.shopping.yahoo.co.jp/",
        "ftp://store.shopping.yahoo.co.jp/",
        "https://machi.example/admin",
        "https://store.shopping.yahoo.co.jp/a b",
    ],
)
def test_destinations_outside_the_store_or_public_pages_are_refused(url: str) -> None:
    with pytest.raises(DestinationRefused):
        destinations.check(url, ["store.shopping.yahoo.co.jp"], "https://machi.example")


def test_store_subdomains_and_public_pages_are_allowed() -> None:
    allowed = ["shopping.yahoo.co.jp"]
    for url in (
        "https://store.shopping.yahoo.co.jp/takeo/a.html",
        "https://machi.example/public/takeo/products/garlic",
    ):
        assert destinations.check(url, allowed, "https://machi.example") == url


def test_visitor_hash_changes_with_the_daily_salt_and_hides_the_ip() -> None:
    tenant = uuid.uuid4()
    today = visitor_hash(b"salt-of-today", tenant, "203.0.113.9", "ua")
    assert today == visitor_hash(b"salt-of-today", tenant, "203.0.113.9", "ua")
    assert today != visitor_hash(b"salt-of-tomorrow", tenant, "203.0.113.9", "ua")
    # A digest, not the address: hex of a fixed length (a random tenant makes any 3-digit run
    # like "203" appear by chance, so the address itself is what must be absent).
    assert re.fullmatch(r"[0-9a-f]{32}", today)
    assert "203.0.113.9" not in today
    assert today != visitor_hash(b"salt-of-today", tenant, "203.0.113.10", "ua")


async def test_salts_are_random_per_day_and_dropped_after_two_days(
    runtime: ServiceRuntime,
) -> None:
    days = {date(2030, 1, 1), date(2030, 1, 2)}
    async with runtime.db.transaction() as session:
        first = await redirect_repo.salts(session, days)
    async with runtime.db.transaction() as session:
        again = await redirect_repo.salts(session, days)
        later = await redirect_repo.salts(session, {date(2030, 1, 9)})
        gone = await redirect_repo.salts(session, {date(2030, 1, 1)} | {date(2030, 1, 9)})
    assert first == again
    assert first[date(2030, 1, 1)] != first[date(2030, 1, 2)]
    assert date(2030, 1, 9) in later
    assert gone[date(2030, 1, 1)] != first[date(2030, 1, 1)]  # deleted, then made anew


def test_hour_buckets_are_utc() -> None:
    jst = datetime(2026, 1, 1, 9, 30, tzinfo=timezone(timedelta(hours=9)))
    assert hour_of(jst).isoformat() == "2026-01-01T00:00:00+00:00"
