"""The rollup job: recompute every dirty hour, then the days they fall in, tenant by tenant."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from analytics.rollups import repository as rollups_repo
from analytics.tracking import service as tracking
from kit.db import Database


def hour_of(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def day_of(moment: datetime, zone: ZoneInfo | None = None) -> datetime:
    """The local midnight (in `zone`, default UTC) starting the day of `moment`'s hour."""
    local = hour_of(moment).astimezone(zone or UTC)
    return local.replace(hour=0, minute=0).astimezone(UTC)


async def run(db: Database) -> int:
    """Recompute the rollups of every dirty hour; returns how many hours were done."""
    async with db.transaction() as session:
        tenants = await rollups_repo.dirty_tenants(session)
    done = 0
    for tenant in tenants:
        async with db.transaction(tenant) as session:
            hours = await rollups_repo.claim_dirty(session, tenant)
            if not hours:
                continue
            await rollups_repo.recompute_hours(session, tenant, hours)
            tz = await rollups_repo.timezone(session, tenant)
            days = sorted({day_of(h, tracking.zone(tz)) for h in hours})
            await rollups_repo.recompute_days(session, tenant, days, tracking.zone(tz).key)
            done += len(hours)
    return done


async def tenants_with_data(db: Database) -> list[uuid.UUID]:
    """Every tenant with raw clicks or conversions to roll up. `db`: the jobs database."""
    async with db.transaction() as session:
        return await rollups_repo.tenants_with_data(session)


async def rebuild(
    db: Database,
    tenant: uuid.UUID,
    since: datetime | None = None,
    until: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    chunk: timedelta = timedelta(days=7),
) -> int:
    """Recompute the tenant's rollups over [since, until) (whole hours; default: all its data)
    from raw clicks and conversions, a chunk at a time through the rollup job itself, so a
    rebuild computes exactly what the job does. `db`: the jobs database. Returns hours done;
    `progress(done, total)` after each chunk."""
    async with db.transaction(tenant) as session:
        first, last = await rollups_repo.data_span(session, tenant)
    if since is None and first is None:
        return 0
    start = hour_of(since or first or datetime.now(UTC))
    end = until or (last + timedelta(hours=1) if last else datetime.now(UTC))
    stop = hour_of(end - timedelta(microseconds=1)) + timedelta(hours=1)
    total = max(int((stop - start) / timedelta(hours=1)), 0)
    done = 0
    while start < stop:
        step = min(start + chunk, stop)
        async with db.transaction(tenant) as session:
            await rollups_repo.mark_range_dirty(session, tenant, start, step)
        await run(db)
        done += int((step - start) / timedelta(hours=1))
        if progress is not None:
            progress(done, total)
        start = step
    return done
