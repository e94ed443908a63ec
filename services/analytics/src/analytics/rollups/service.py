"""The rollup job: recompute every dirty hour, then the days they fall in, tenant by tenant."""

from __future__ import annotations

from datetime import UTC, datetime

from analytics.rollups import repository as rollups_repo
from kit.db import Database


def hour_of(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def day_of(moment: datetime) -> datetime:
    return hour_of(moment).replace(hour=0)


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
            days = sorted({day_of(h) for h in hours})
            await rollups_repo.recompute_days(session, tenant, days)
            done += len(hours)
    return done
