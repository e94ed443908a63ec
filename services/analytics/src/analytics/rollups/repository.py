"""The rollup SQL: hour buckets recomputed from raw clicks and conversions, day buckets from
hours (plus daily unique visitors from raw clicks). Day buckets start at the tenant's local
midnight (`:tz`), so reports cut days and months where the town does; in the few zones with a
half-hour offset the day takes whole UTC hours, so up to 30 minutes fall in the neighbour day.
Recomputing a whole bucket, rather than adding to it, is what lets late events and reversals
correct the bucket they belong to."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import CTE, DateTime, Uuid, bindparam, insert, literal, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from analytics.models import RollupDirty

# One row per dimension a click or an order line counts towards; NULL keys are skipped.
DIMENSIONS_SQL = """
CROSS JOIN LATERAL (VALUES
    ('total', ''), ('link', s.link_id::text), ('post', s.post_id::text),
    ('channel', s.channel_id::text), ('platform', s.platform),
    ('product', s.product_id::text), ('producer', s.producer_id::text),
    ('campaign', s.campaign_id::text)
) AS d(dim, key)
"""

_HOURS = bindparam("hours", type_=ARRAY(DateTime(timezone=True)))
_DAYS = bindparam("days", type_=ARRAY(DateTime(timezone=True)))

HOURS_SQL = text(f"""
INSERT INTO rollups (tenant_id, grain, bucket, dim, key, clicks, bot_clicks, visitors,
                     orders, revenue)
SELECT :tenant, 'hour', bucket, dim, key, sum(clicks), sum(bot_clicks), sum(visitors),
       sum(orders), sum(revenue)
FROM (
    SELECT s.bucket, d.dim, d.key,
           coalesce(sum(s.n) FILTER (WHERE NOT s.is_bot), 0) AS clicks,
           coalesce(sum(s.n) FILTER (WHERE s.is_bot), 0) AS bot_clicks,
           0 AS visitors, 0 AS orders, 0 AS revenue
    FROM (
        -- Group the raw rows once, then fan the few groups out to every dimension.
        SELECT date_trunc('hour', c.occurred_at, 'UTC') AS bucket, c.link_id, c.post_id,
               c.channel_id, c.platform, c.product_id, c.producer_id, c.campaign_id,
               c.is_bot, count(*) AS n
        FROM clicks c
        WHERE c.tenant_id = :tenant AND c.occurred_at >= :start AND c.occurred_at < :stop
          AND date_trunc('hour', c.occurred_at, 'UTC') = ANY(:hours)
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ) s {DIMENSIONS_SQL}
    WHERE d.key IS NOT NULL
    GROUP BY 1, 2, 3
    UNION ALL
    SELECT date_trunc('hour', s.occurred_at, 'UTC'), d.dim, d.key, 0, 0, 0,
           count(DISTINCT s.id) FILTER (WHERE s.net > 0), sum(s.net)
    FROM (
        SELECT c.id, c.occurred_at, c.link_id, c.post_id, c.channel_id, c.platform,
               c.campaign_id, l.product_id, l.producer_id, l.amount - l.refunded AS net
        FROM conversions c JOIN conversion_lines l ON l.conversion_id = c.id
        WHERE c.tenant_id = :tenant AND c.status = 'recorded'
          AND c.occurred_at >= :start AND c.occurred_at < :stop
          AND date_trunc('hour', c.occurred_at, 'UTC') = ANY(:hours)
    ) s {DIMENSIONS_SQL}
    WHERE d.key IS NOT NULL
    GROUP BY 1, 2, 3
) AS x
GROUP BY bucket, dim, key
""").bindparams(_HOURS)

DAYS_SQL = text("""
INSERT INTO rollups (tenant_id, grain, bucket, dim, key, clicks, bot_clicks, visitors,
                     orders, revenue)
SELECT :tenant, 'day', date_trunc('day', bucket, :tz), dim, key, sum(clicks),
       sum(bot_clicks), 0, sum(orders), sum(revenue)
FROM rollups
WHERE tenant_id = :tenant AND grain = 'hour' AND bucket >= :start AND bucket < :stop
  AND date_trunc('day', bucket, :tz) = ANY(:days)
GROUP BY 3, 4, 5
""").bindparams(_DAYS)

# The day's visitors are counted once, into a MATERIALIZED CTE, and then joined. As a plain
# subquery in `UPDATE ... FROM`, a planner that believes the fresh rollup rows are few (their
# statistics lag behind a backfill) may pick a nested loop that counts a million raw clicks
# again for every day row: 14 minutes instead of seconds in a suite run. The same holds for the
# product totals below.
DAY_VISITORS_SQL = text(f"""
WITH v AS MATERIALIZED (
    SELECT s.day, d.dim, d.key, count(DISTINCT s.visitor_hash) AS n
    FROM (
        SELECT DISTINCT date_trunc('day', date_trunc('hour', c.occurred_at, 'UTC'), :tz) AS day,
               c.link_id, c.post_id, c.channel_id, c.platform, c.product_id, c.producer_id,
               c.campaign_id, c.visitor_hash
        FROM clicks c
        WHERE c.tenant_id = :tenant AND NOT c.is_bot
          AND c.occurred_at >= :start AND c.occurred_at < :stop
          AND date_trunc('day', date_trunc('hour', c.occurred_at, 'UTC'), :tz) = ANY(:days)
    ) s {DIMENSIONS_SQL}
    WHERE d.key IS NOT NULL
    GROUP BY 1, 2, 3
)
UPDATE rollups r SET visitors = v.n
FROM v
WHERE r.tenant_id = :tenant AND r.grain = 'day' AND r.bucket = v.day AND r.dim = v.dim
  AND r.key = v.key
  -- Named again on the outer side so the planner scans only these days' rollups even when
  -- the table's statistics are stale (a fresh backfill made it nested-loop over all of them).
  AND r.bucket = ANY(:days)
""").bindparams(_DAYS)

PRODUCT_TOTALS_SQL = text("""
WITH t AS MATERIALIZED (
    SELECT key, sum(clicks) AS clicks, sum(orders) AS orders, sum(revenue) AS revenue
    FROM rollups WHERE tenant_id = :tenant AND grain = 'day' AND dim = 'product'
    GROUP BY key
)
UPDATE product_stats p SET clicks = t.clicks, orders = t.orders, revenue = t.revenue,
       updated_at = now()
FROM t
WHERE p.tenant_id = :tenant AND p.product_id::text = t.key
""")

DELETE_SQL = text(
    "DELETE FROM rollups WHERE tenant_id = :tenant AND grain = :grain AND bucket = ANY(:buckets)"
).bindparams(bindparam("buckets", type_=ARRAY(DateTime(timezone=True))))


async def dirty_tenants(session: AsyncSession) -> list[uuid.UUID]:
    """Tenants with hours to recompute (jobs role, across tenants)."""
    rows = await session.execute(text("SELECT DISTINCT tenant_id FROM rollup_dirty"))
    return [r[0] for r in rows]


async def claim_dirty(session: AsyncSession, tenant: uuid.UUID) -> list[datetime]:
    """The tenant's dirty hours, each once, their marks deleted. A mark committed after this
    statement's snapshot stays for the next run: a write is never left out of a rollup."""
    rows = await session.execute(
        text("DELETE FROM rollup_dirty WHERE tenant_id = :tenant RETURNING hour"),
        {"tenant": tenant},
    )
    return sorted({r[0] for r in rows})


async def recompute_hours(session: AsyncSession, tenant: uuid.UUID, hours: list[datetime]) -> None:
    """Hour buckets (visitors are counted per day only: the salt rotates daily)."""
    # Big recomputes (a backfill) sort in memory rather than on disk.
    await session.execute(text("SET LOCAL work_mem = '64MB'"))
    await session.execute(DELETE_SQL, {"tenant": tenant, "grain": "hour", "buckets": hours})
    params = {
        "tenant": tenant,
        "hours": hours,
        "start": hours[0],
        "stop": hours[-1] + timedelta(hours=1),
    }
    await session.execute(HOURS_SQL, params)


async def recompute_days(
    session: AsyncSession, tenant: uuid.UUID, days: list[datetime], tz: str = "UTC"
) -> None:
    """Day buckets (local midnights of `tz`) from the hours, visitors from raw clicks."""
    await session.execute(DELETE_SQL, {"tenant": tenant, "grain": "day", "buckets": days})
    params = {
        "tenant": tenant,
        "days": days,
        "tz": tz,
        "start": days[0],
        "stop": days[-1] + timedelta(hours=25),  # a local day is 23 to 25 hours long
    }
    await session.execute(DAYS_SQL, params)
    await session.execute(DAY_VISITORS_SQL, params)
    # product_stats keeps all-time totals per product, from the day rollups.
    await session.execute(PRODUCT_TOTALS_SQL, {"tenant": tenant})


async def timezone(session: AsyncSession, tenant: uuid.UUID) -> str:
    """The tenant's timezone name (UTC until it has settings); by id, as the jobs role sees
    every tenant's row."""
    name = (
        await session.execute(
            text("SELECT timezone FROM tenant_settings WHERE tenant_id = :tenant"),
            {"tenant": tenant},
        )
    ).scalar()
    return str(name or "UTC")


async def redo_days(session: AsyncSession, tenant: uuid.UUID) -> None:
    """Drop the tenant's day buckets and mark every hour dirty: the next rollup run rebuilds
    the days at the tenant's (new) local midnights."""
    await session.execute(
        text("DELETE FROM rollups WHERE tenant_id = :tenant AND grain = 'day'"), {"tenant": tenant}
    )
    await session.execute(
        text(
            "INSERT INTO rollup_dirty (tenant_id, hour) SELECT DISTINCT tenant_id, bucket"
            " FROM rollups WHERE tenant_id = :tenant AND grain = 'hour'"
        ),
        {"tenant": tenant},
    )


def mark_dirty_after(tenant: uuid.UUID | None, hour: datetime, written: CTE) -> CTE:
    """A CTE marking `hour` dirty when `written` (another CTE's write) yields a row: the mark
    rides on that write's statement instead of costing a round trip of its own."""
    when = select(literal(tenant, Uuid), literal(hour, DateTime(timezone=True)))
    marked = insert(RollupDirty).from_select(["tenant_id", "hour"], when.select_from(written))
    return marked.cte("dirty_hour")


async def mark_dirty(session: AsyncSession, tenant: uuid.UUID, hours: set[datetime]) -> None:
    """Hours whose rollups the rollup job must recompute, in one statement."""
    if hours:
        await session.execute(
            insert(RollupDirty).values([{"tenant_id": tenant, "hour": h} for h in hours])
        )


_RANGE = {
    "start": bindparam("start", type_=DateTime(timezone=True)),
    "stop": bindparam("stop", type_=DateTime(timezone=True)),
}


async def mark_range_dirty(
    session: AsyncSession, tenant: uuid.UUID, start: datetime, stop: datetime
) -> None:
    """Mark every hour in [start, stop) dirty (hour-aligned bounds): a rebuild."""
    await session.execute(
        text(
            "INSERT INTO rollup_dirty (tenant_id, hour) SELECT :tenant, h"
            " FROM generate_series(:start, :stop - interval '1 hour', interval '1 hour') AS h"
        ).bindparams(*_RANGE.values()),
        {"tenant": tenant, "start": start, "stop": stop},
    )


async def data_span(
    session: AsyncSession, tenant: uuid.UUID
) -> tuple[datetime | None, datetime | None]:
    """First and last moment of the tenant's clicks, conversions and rollups."""
    row = (
        await session.execute(
            text(
                "SELECT min(t), max(t) FROM ("
                " SELECT occurred_at AS t FROM clicks WHERE tenant_id = :tenant"
                " UNION ALL SELECT occurred_at FROM conversions WHERE tenant_id = :tenant"
                " UNION ALL SELECT bucket FROM rollups WHERE tenant_id = :tenant) AS s"
            ),
            {"tenant": tenant},
        )
    ).one()
    return row[0], row[1]


async def tenants_with_data(session: AsyncSession) -> list[uuid.UUID]:
    """Tenants that have clicks, conversions or rollups (jobs role, across tenants)."""
    rows = await session.execute(
        text(
            "SELECT tenant_id FROM clicks UNION SELECT tenant_id FROM conversions"
            " UNION SELECT tenant_id FROM rollups"
        )
    )
    return sorted(r[0] for r in rows)
