"""Every report query: rollups only (plus the small product, delivery and insight tables)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from analytics.models import Delivery, InsightSnapshot, ProductStats, Rollup
from kit import tenancy

METRICS = ("clicks", "bot_clicks", "visitors", "orders", "revenue")


async def upsert_delivery(session: AsyncSession, values: dict[str, Any]) -> None:
    statement = insert(Delivery).values(tenant_id=tenancy.current_tenant(session), **values)
    await session.execute(statement.on_conflict_do_nothing(index_elements=[Delivery.delivery_id]))


async def totals_by_key(
    session: AsyncSession,
    dim: str,
    start: datetime,
    stop: datetime,
    *,
    grain: str = "day",
    keys: list[str] | None = None,
) -> dict[str, dict[str, int]]:
    """Sum of each metric per key of `dim` over [start, stop)."""
    columns = [func.coalesce(func.sum(getattr(Rollup, m)), 0).label(m) for m in METRICS]
    statement = (
        select(Rollup.key, *columns)
        .where(Rollup.grain == grain, Rollup.dim == dim)
        .where(Rollup.bucket >= start, Rollup.bucket < stop)
        .group_by(Rollup.key)
    )
    if keys is not None:
        statement = statement.where(Rollup.key.in_(keys))
    rows = await session.execute(statement)
    return {r.key: {m: int(getattr(r, m)) for m in METRICS} for r in rows}


async def series(
    session: AsyncSession,
    dim: str,
    start: datetime,
    stop: datetime,
    *,
    grain: str = "day",
    keys: list[str] | None = None,
) -> list[tuple[datetime, dict[str, int]]]:
    """Each bucket's metrics for `dim` (summed over keys) in [start, stop)."""
    columns = [func.sum(getattr(Rollup, m)).label(m) for m in METRICS]
    statement = (
        select(Rollup.bucket, *columns)
        .where(Rollup.grain == grain, Rollup.dim == dim)
        .where(Rollup.bucket >= start, Rollup.bucket < stop)
        .group_by(Rollup.bucket)
        .order_by(Rollup.bucket)
    )
    if keys is not None:
        statement = statement.where(Rollup.key.in_(keys))
    rows = await session.execute(statement)
    return [(r.bucket, {m: int(getattr(r, m)) for m in METRICS}) for r in rows]


async def products(
    session: AsyncSession, producer_ids: list[uuid.UUID] | None = None
) -> list[ProductStats]:
    statement = select(ProductStats).order_by(ProductStats.slug)
    if producer_ids is not None:
        statement = statement.where(ProductStats.producer_id.in_(producer_ids))
    return list((await session.execute(statement)).scalars().all())


async def deliveries(
    session: AsyncSession, start: datetime | None = None, stop: datetime | None = None
) -> list[Delivery]:
    statement = select(Delivery).order_by(Delivery.published_at)
    if start is not None:
        statement = statement.where(Delivery.published_at >= start)
    if stop is not None:
        statement = statement.where(Delivery.published_at < stop)
    return list((await session.execute(statement)).scalars().all())


async def followers_at(session: AsyncSession, moment: datetime, *, staff: bool) -> int | None:
    """Sum over channels of each channel's latest `followers` snapshot before `moment`: the
    staff members' own accounts with `staff`, else the town's (its pages and shops)."""
    staffs = InsightSnapshot.owner_kind == "staff"
    owners = staffs if staff else ~staffs
    accounts = (
        InsightSnapshot.metric == "followers",
        InsightSnapshot.object_kind == "account",
        owners,
    )
    latest = (
        select(InsightSnapshot.channel_id, func.max(InsightSnapshot.taken_at).label("taken_at"))
        .where(*accounts, InsightSnapshot.taken_at < moment)
        .group_by(InsightSnapshot.channel_id)
        .subquery()
    )
    statement = (
        select(func.sum(InsightSnapshot.value))
        .join(
            latest,
            (latest.c.channel_id == InsightSnapshot.channel_id)
            & (latest.c.taken_at == InsightSnapshot.taken_at),
        )
        .where(*accounts)
    )
    total = (await session.execute(statement)).scalar_one_or_none()
    return int(total) if total is not None else None


async def delivery_first_day_clicks(
    session: AsyncSession, start: datetime, stop: datetime
) -> list[tuple[uuid.UUID, str, datetime, int]]:
    """(channel, platform, published_at, clicks of its post in the next 24 h) per delivery."""
    hour = func.date_trunc("hour", Delivery.published_at)
    clicks = (
        select(func.coalesce(func.sum(Rollup.clicks), 0))
        .where(Rollup.grain == "hour", Rollup.dim == "post")
        .where(Rollup.key == func.cast(Delivery.post_id, Rollup.key.type))
        .where(Rollup.bucket >= hour)
        .where(Rollup.bucket < Delivery.published_at + func.make_interval(0, 0, 0, 0, 24))
        .scalar_subquery()
    )
    statement = select(Delivery.channel_id, Delivery.platform, Delivery.published_at, clicks).where(
        Delivery.published_at >= start, Delivery.published_at < stop
    )
    rows = await session.execute(statement)
    return [(r[0], r[1], r[2], int(r[3])) for r in rows]
