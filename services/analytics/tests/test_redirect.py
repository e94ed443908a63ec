import asyncio
import uuid
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import asyncpg
import httpx
from fastapi import FastAPI

from analytics.app import SERVICE, create_app
from kit.auth import InternalPrincipal, TokenSigner
from kit.errors import type_uri
from kit.runtime import ServiceRuntime
from kit.settings import MachiSettings
from kit.testing.plugin import client, principal

from .helpers import BROWSER_UA, STORE, allow_store, anonymous, flush, new_link, town_with_link

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
BOT_UAS = {
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)": "facebook-preview",
    "meta-externalagent/1.1": "meta-crawler",
    "Twitterbot/1.0": "twitter-preview",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)": "slack-preview",
    "WhatsApp/2.23.20.0": "whatsapp-preview",
    "facebookexternalhit/1.1;line-poker/1.0": "facebook-preview",
}


def ip_of(i: int) -> str:
    return f"203.0.113.{i % 200}" if i % 3 else f"2001:db8::{i % 97:x}"


async def test_ten_thousand_concurrent_redirects_record_exactly_ten_thousand_clicks(
    runtime: ServiceRuntime, as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    await allow_store(runtime.db, tenant)
    link = await new_link(admin, utm={"utm_source": "facebook"})
    public = as_user(anonymous())
    bots = list(BOT_UAS)
    gate = asyncio.Semaphore(64)

    async def visit(i: int) -> int:
        ua = bots[(i // 10) % len(bots)] if i % 10 == 0 else BROWSER_UA
        headers = {
            "User-Agent": ua,
            "X-Forwarded-For": f"{ip_of(i)}, 10.0.0.1",
            "Referer": "https://m.facebook.com/",
            "CF-IPCountry": "JP",
        }
        async with gate:
            response = await public.get(f"/r/{link['code']}", headers=headers)
        return response.status_code

    statuses = await asyncio.gather(*(visit(i) for i in range(10_000)))
    assert set(statuses) == {302}
    await flush(app)

    rows = await owner.fetch(
        "SELECT is_bot, bot_reason, count(*) FROM clicks WHERE tenant_id = $1 GROUP BY 1, 2",
        tenant,
    )
    counts = {(r["is_bot"], r["bot_reason"]): r["count"] for r in rows}
    assert sum(counts.values()) == 10_000
    assert counts[(False, None)] == 9_000
    assert sum(c for (bot, _), c in counts.items() if bot) == 1_000
    assert {reason for bot, reason in counts if bot} == set(BOT_UAS.values())
    await assert_no_raw_ip(owner)


async def assert_no_raw_ip(owner: asyncpg.Connection) -> None:
    """Every text-like column of every table, scanned for the addresses used."""
    columns = await owner.fetch(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = 'public'"
        " AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'inet')"
    )
    assert columns
    for column in columns:
        hits = await owner.fetchval(
            f'SELECT count(*) FROM "{column["table_name"]}"'
            f' WHERE "{column["column_name"]}"::text ~ $1',
            r"203\.0\.113\.|2001:db8:",
        )
        assert hits == 0, f"{column['table_name']}.{column['column_name']} holds a raw IP"


async def test_redirect_is_302_no_store_with_utm_and_click_id(
    runtime: ServiceRuntime, as_user: Client
) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    await allow_store(runtime.db, tenant)
    link = await new_link(admin, utm={"utm_source": "x", "utm_campaign": "table"})
    response = await as_user(anonymous()).get(f"/r/{link['code']}")
    assert response.status_code == 302
    assert response.headers["cache-control"] == "no-store"
    target = urlsplit(response.headers["location"])
    assert target.hostname == STORE
    query = parse_qs(target.query)
    assert query["utm_source"] == ["x"]
    assert query["utm_campaign"] == ["table"]
    assert len(query["machi_cid"][0]) >= 16


async def test_head_is_answered_and_flagged_not_counted(
    runtime: ServiceRuntime, as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant, _admin, link = await town_with_link(as_user, runtime)
    response = await as_user(anonymous()).head(
        f"/r/{link['code']}", headers={"User-Agent": BROWSER_UA}
    )
    assert response.status_code == 302
    await flush(app)
    row = await owner.fetchrow("SELECT is_bot, bot_reason FROM clicks WHERE tenant_id = $1", tenant)
    assert (row["is_bot"], row["bot_reason"]) == (True, "head-request")


async def test_unknown_code_is_404_page_counted_as_orphan(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    code = f"nope{uuid.uuid4().hex[:8]}"
    response = await as_user(anonymous()).get(f"/r/{code}")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    await flush(app)
    assert await owner.fetchval("SELECT count(*) FROM orphan_visits WHERE code = $1", code) == 1


async def test_redirect_without_internal_token_is_401(app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=f"http://{SERVICE}") as http:
        assert (await http.get("/r/whatever")).status_code == 401


async def test_destination_edited_to_script_or_foreign_host_is_refused(
    runtime: ServiceRuntime, as_user: Client
) -> None:
    _tenant, admin, link = await town_with_link(as_user, runtime)
    for bad in (
        "javascript:alert(1)",
        "https://evil.example/phish",
        "data:text/html,hi",
        f"https://user@{STORE}.evil.example/",
    ):
        response = await admin.patch(f"/v1/links/{link['id']}", json={"destination": bad})
        assert response.status_code == 400, bad
        assert response.json()["type"] == type_uri("destination-refused")
    followed = await as_user(anonymous()).get(f"/r/{link['code']}")
    assert urlsplit(followed.headers["location"]).hostname == STORE


async def test_link_to_machi_public_page_is_allowed(as_user: Client) -> None:
    admin = as_user(principal(uuid.uuid4()))
    link = await new_link(admin, destination="https://machi.example/public/takeo/store")
    assert link["short_url"] == f"https://machi.example/r/{link['code']}"


async def test_tracking_off_redirects_but_records_nothing(
    runtime: ServiceRuntime, as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant, admin, link = await town_with_link(as_user, runtime)
    await admin.put("/v1/settings/tracking", json={"tracking_enabled": False})
    assert (await as_user(anonymous()).get(f"/r/{link['code']}")).status_code == 302
    await flush(app)
    assert await owner.fetchval("SELECT count(*) FROM clicks WHERE tenant_id = $1", tenant) == 0


async def test_without_user_agent_tracking_no_device_is_kept(
    runtime: ServiceRuntime, as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant, admin, link = await town_with_link(as_user, runtime)
    await admin.put(
        "/v1/settings/tracking", json={"track_user_agent": False, "track_referrer": False}
    )
    await as_user(anonymous()).get(
        f"/r/{link['code']}", headers={"User-Agent": BROWSER_UA, "Referer": "https://t.co/x"}
    )
    await flush(app)
    row = await owner.fetchrow(
        "SELECT device, os, browser, referrer_domain FROM clicks WHERE tenant_id = $1", tenant
    )
    assert tuple(row) == (None, None, None, None)


async def test_click_keeps_device_os_browser_referrer_country(
    runtime: ServiceRuntime, as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant, _admin, link = await town_with_link(as_user, runtime)
    await as_user(anonymous()).get(
        f"/r/{link['code']}",
        headers={
            "User-Agent": BROWSER_UA,
            "Referer": "https://m.facebook.com/story",
            "CF-IPCountry": "jp",
            "Accept-Language": "ja-JP,ja;q=0.9",
        },
    )
    await flush(app)
    row = await owner.fetchrow(
        "SELECT device, os, browser, referrer_domain, country, language, visitor_hash"
        " FROM clicks WHERE tenant_id = $1",
        tenant,
    )
    assert tuple(row)[:6] == ("mobile", "iOS", "Safari", "m.facebook.com", "JP", "ja-jp")
    assert len(row["visitor_hash"]) == 32


async def test_country_comes_only_from_the_configured_header(
    runtime: ServiceRuntime, as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant, _admin, link = await town_with_link(as_user, runtime)
    spoofed = {"User-Agent": BROWSER_UA, "X-Country-Code": "US", "X-Vercel-IP-Country": "US"}
    await as_user(anonymous()).get(f"/r/{link['code']}", headers=spoofed)
    await flush(app)
    assert await owner.fetchval("SELECT country FROM clicks WHERE tenant_id = $1", tenant) is None


async def test_graceful_shutdown_flushes_buffered_clicks(
    runtime: ServiceRuntime,
    as_user: Client,
    app: FastAPI,
    owner: asyncpg.Connection,
    signer: TokenSigner,
) -> None:
    tenant, _admin, link = await town_with_link(as_user, runtime)
    async with app.router.lifespan_context(app):
        for _ in range(5):
            await as_user(anonymous()).get(f"/r/{link['code']}", headers={"User-Agent": BROWSER_UA})
    assert await owner.fetchval("SELECT count(*) FROM clicks WHERE tenant_id = $1", tenant) == 5


async def test_running_flusher_writes_clicks_within_seconds_without_shutdown(
    runtime: ServiceRuntime, as_user: Client, app: FastAPI, owner: asyncpg.Connection
) -> None:
    tenant, _admin, link = await town_with_link(as_user, runtime)
    async with app.router.lifespan_context(app):
        await as_user(anonymous()).get(f"/r/{link['code']}", headers={"User-Agent": BROWSER_UA})
        for _ in range(50):  # the flush period is one second: a crash loses at most that
            count = await owner.fetchval("SELECT count(*) FROM clicks WHERE tenant_id = $1", tenant)
            if count:
                break
            await asyncio.sleep(0.1)
        assert count == 1


async def test_webhook_for_unknown_town_is_404(as_user: Client) -> None:
    response = await as_user(anonymous()).post("/webhooks/nowhere/shopify", content=b"{}")
    assert response.status_code == 404


async def test_directory_unreachable_is_503_not_500(
    machi_settings: MachiSettings, signer: TokenSigner, verifier_factory: Callable
) -> None:
    down = machi_settings.model_copy(
        update={"database_url": "postgresql://postgres@127.0.0.1:9/postgres"}
    )
    runtime = ServiceRuntime.create(SERVICE, down, bus=None, verifier=verifier_factory(SERVICE))
    try:
        http = client(create_app(runtime), signer, SERVICE, anonymous())
        response = await http.get("/r/anything")
        assert response.status_code == 503
        assert response.json()["type"] == type_uri("link-lookup-unavailable")
    finally:
        await runtime.close()


def _metric(text: str, name: str) -> float:
    """The value of sample `name` (with its labels) in a Prometheus text exposition."""
    return next(float(line.split()[-1]) for line in text.splitlines() if line.startswith(name))


async def test_metrics_count_cache_hits_misses_and_buffered_and_flushed_clicks(
    runtime: ServiceRuntime, as_user: Client, app: FastAPI
) -> None:
    _tenant, _admin, link = await town_with_link(as_user, runtime)
    visitor = as_user(anonymous())
    names = (
        'machi_analytics_link_cache_total{result="hit"}',
        'machi_analytics_link_cache_total{result="miss"}',
        "machi_analytics_clicks_buffered_total",
        "machi_analytics_clicks_flushed_total",
    )
    await flush(app)
    before = (await visitor.get("/metrics")).text
    for _ in range(3):  # the first is a miss, the next two hits
        await visitor.get(f"/r/{link['code']}", headers={"User-Agent": BROWSER_UA})
    await flush(app)
    after = (await visitor.get("/metrics")).text
    hits, misses, buffered, flushed = (_metric(after, n) - _metric(before, n) for n in names)
    assert (hits, misses, buffered, flushed) == (2, 1, 3, 3)


async def test_a_sender_that_is_not_a_trusted_proxy_cannot_choose_its_address(
    runtime: ServiceRuntime,
    as_user: Client,
    app: FastAPI,
    owner: asyncpg.Connection,
    signer: TokenSigner,
) -> None:
    tenant, _admin, link = await town_with_link(as_user, runtime)
    transport = httpx.ASGITransport(app=app, client=("198.51.100.9", 4000))
    token = signer.mint(anonymous(), SERVICE)
    async with httpx.AsyncClient(transport=transport, base_url=f"http://{SERVICE}") as http:
        for spoofed in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
            headers = {
                "Authorization": f"Bearer {token}",
                "User-Agent": BROWSER_UA,
                "X-Forwarded-For": spoofed,
            }
            assert (await http.get(f"/r/{link['code']}", headers=headers)).status_code == 302
    await flush(app)
    visitors = await owner.fetchval(
        "SELECT count(DISTINCT visitor_hash) FROM clicks WHERE tenant_id = $1", tenant
    )
    assert visitors == 1
