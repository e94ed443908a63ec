"""The redirect's use cases: resolve a code from memory (then the directory), remember the
click in memory, and flush remembered clicks to the database in batches."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections import Counter, defaultdict
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from prometheus_client import Counter as Metric
from sqlalchemy.exc import SQLAlchemyError

from analytics.errors import LinkNotFound, LookupUnavailable
from analytics.models import TenantSettings
from analytics.redirect import bots, useragent
from analytics.redirect import repository as redirect_repo
from analytics.redirect.buffer import CLICKS_FLUSHED, ClickBuffer, RawClick
from analytics.redirect.cache import LinkCache, Target
from analytics.redirect.schemas import EdgeClick
from analytics.redirect.visitors import visitor_hash
from analytics.rollups import repository as rollups_repo
from analytics.settings import AnalyticsSettings
from analytics.tracking import repository as tracking_repo
from contracts.analytics import ClicksRecordedV1
from kit import links
from kit.db import Database
from kit.events import outbox

log = logging.getLogger(__name__)
ROWS_PER_SLICE = 250
LINK_LOOKUPS = Metric(
    "machi_analytics_link_cache_total",
    "Redirect code lookups, answered from memory or not",
    ["result"],
)
CACHE_HIT, CACHE_MISS = LINK_LOOKUPS.labels("hit"), LINK_LOOKUPS.labels("miss")


async def resolve(db: Database, cache: LinkCache, code: str) -> Target | None:
    """The live target of `code`, from the cache or the directory (a read, never a write).
    Concurrent misses on one code share a single lookup, so a burst on a fresh link costs one
    query, not one connection per request."""
    hit, target = cache.get(code)
    if hit:
        CACHE_HIT.inc()
        return target
    CACHE_MISS.inc()
    pending = cache.pending.get(code)
    if pending is not None:
        return await asyncio.shield(pending)
    lookup = asyncio.ensure_future(_lookup(db, code))
    cache.pending[code] = lookup
    try:
        target = await asyncio.shield(lookup)
    finally:
        cache.pending.pop(code, None)
    cache.put(code, target)
    return target


async def _lookup(db: Database, code: str) -> Target | None:
    try:
        async with db.sessionmaker() as session:
            entry = await redirect_repo.directory_entry(session, code)
    except (SQLAlchemyError, OSError) as exc:
        raise LookupUnavailable() from exc
    if entry is None:
        return None
    return Target(
        tenant_id=entry.tenant_id,
        link_id=entry.link_id,
        destination=entry.destination,
        expires_at=entry.expires_at,
        dimensions=dict(entry.dimensions),
    )


async def route_of(db: Database, code: str) -> dict[str, Any]:
    """The directory's row for `code` (live or not: the asker checks expiry), or LinkNotFound."""
    target = await _lookup(db, code)
    if target is None:
        raise LinkNotFound()
    return {
        "tenant_id": target.tenant_id,
        "link_id": target.link_id,
        "destination": target.destination,
        "expires_at": target.expires_at,
        "dimensions": target.dimensions,
    }


def accept(buffer: ClickBuffer, clicks: list[EdgeClick]) -> int:
    """Buffer clicks answered elsewhere (the gateway's edge), as if answered here."""
    for click in clicks:
        buffer.add(
            RawClick(
                code=click.code,
                click_id=click.click_id,
                occurred_at=click.occurred_at,
                tenant_id=click.tenant_id,
                link_id=click.link_id,
                dimensions=dict(click.dimensions),
                ip=click.ip,
                user_agent=click.user_agent,
                referer=click.referer,
                country=click.country,
                language=click.language,
                head=click.head,
            )
        )
    return len(clicks)


def is_live(target: Target | None, now: datetime) -> bool:
    return target is not None and (target.expires_at is None or target.expires_at > now)


def location(target: Target, settings: AnalyticsSettings, click_id: str) -> str:
    """The store URL with the click id the store hands back with the order."""
    return links.location(target.destination, settings.click_id_param, click_id)


def referrer_domain(referer: str) -> str | None:
    try:
        host = urlsplit(referer).hostname
    except ValueError:
        return None
    return host.lower()[:255] if host else None


def _country(value: str) -> str | None:
    value = value.strip().upper()
    # Cloudflare's XX (unknown) and T1 (Tor) are not countries.
    return value if len(value) == 2 and value.isalpha() and value != "XX" else None


def _language(value: str) -> str | None:
    first = value.split(",")[0].split(";")[0].strip().lower()
    return first[:16] or None


def _click_row(raw: RawClick, tenant: TenantSettings, salt: bytes) -> dict[str, Any]:
    reason = bots.bot_reason(raw.user_agent, head=raw.head)
    agent = useragent.parse(raw.user_agent, bot=reason is not None)
    keep_ua = tenant.track_user_agent
    dims = raw.dimensions
    return {
        "tenant_id": tenant.tenant_id,
        "click_id": raw.click_id,
        "occurred_at": raw.occurred_at,
        "link_id": raw.link_id,
        "code": raw.code,
        **{
            d: dims.get(d)
            for d in (
                "post_id",
                "channel_id",
                "product_id",
                "producer_id",
                "place_id",
                "campaign_id",
            )
        },
        "platform": dims.get("platform"),
        "referrer_domain": referrer_domain(raw.referer) if tenant.track_referrer else None,
        "device": agent.device if keep_ua else None,
        "os": agent.os if keep_ua else None,
        "browser": agent.browser if keep_ua else None,
        "country": _country(raw.country),
        "language": _language(raw.language),
        "visitor_hash": visitor_hash(
            salt, tenant.tenant_id, raw.ip, raw.user_agent if keep_ua else ""
        ),
        "is_bot": reason is not None,
        "bot_reason": reason,
    }


def _hour(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


async def _salts(db: Database, buffer: ClickBuffer, days: set[date]) -> dict[date, bytes]:
    missing = days - buffer.salts.keys()
    if missing:
        async with db.transaction() as session:
            buffer.salts = {
                d: s for d, s in buffer.salts.items() if d >= min(days)
            } | await redirect_repo.salts(session, days)
    return buffer.salts


async def _write_tenant(
    db: Database,
    tenant_id: uuid.UUID,
    clicks: list[RawClick],
    salts: dict[date, bytes],
    window_days: int,
) -> None:
    async with db.transaction(tenant_id) as session:
        tenant = await tracking_repo.ensure(session, tenant_id, window_days)
        if not tenant.tracking_enabled:
            return  # the tenant switched tracking off: redirect, record nothing
        rows = []
        for start in range(0, len(clicks), ROWS_PER_SLICE):
            chunk = clicks[start : start + ROWS_PER_SLICE]
            rows += [_click_row(c, tenant, salts[c.occurred_at.date()]) for c in chunk]
            await asyncio.sleep(0)  # let waiting redirects run between slices
        inserted = await redirect_repo.insert_clicks(session, rows)
        await rollups_repo.mark_dirty(session, tenant_id, {_hour(c.occurred_at) for c in clicks})
        human = Counter(code for code, is_bot in inserted if not is_bot)
        if human:
            await outbox.add(
                session,
                ClicksRecordedV1(
                    counts=dict(human),
                    window_start=min(c.occurred_at for c in clicks),
                    window_end=max(c.occurred_at for c in clicks),
                ),
            )


async def _write_orphans(db: Database, orphans: list[RawClick]) -> None:
    rows = [
        {
            "code": o.code[:64],
            "occurred_at": o.occurred_at,
            "referrer_domain": referrer_domain(o.referer),
            "is_bot": bots.bot_reason(o.user_agent, head=o.head) is not None,
        }
        for o in orphans
    ]
    async with db.transaction() as session:
        await redirect_repo.insert_orphans(session, rows)


async def flush(db: Database, buffer: ClickBuffer, settings: AnalyticsSettings) -> int:
    """Write every buffered click, one transaction per tenant; failed batches go back."""
    items = buffer.drain()
    if not items:
        return 0
    by_tenant: dict[uuid.UUID | None, list[RawClick]] = defaultdict(list)
    for item in items:
        by_tenant[item.tenant_id].append(item)
    try:
        salts = await _salts(db, buffer, {i.occurred_at.date() for i in items})
    except Exception:
        log.exception("click flush could not reach the database")
        buffer.requeue(items)
        return 0
    written = 0
    for tenant_id, clicks in by_tenant.items():
        try:
            if tenant_id is None:
                await _write_orphans(db, clicks)
            else:
                await _write_tenant(db, tenant_id, clicks, salts, settings.attribution_window_days)
            written += len(clicks)
            CLICKS_FLUSHED.inc(len(clicks))
        except BaseException as failed:  # cancelled midway too: keep the batch
            if isinstance(failed, Exception):
                log.exception("click flush failed; clicks kept for the next flush")
            buffer.requeue(clicks)
            if not isinstance(failed, Exception):
                raise
    return written


def now() -> datetime:
    return datetime.now(UTC)
