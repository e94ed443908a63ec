"""Usage counters of one tenant for one month."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from analytics.models import Delivery, ProductStats, Rollup


async def deliveries(session: AsyncSession, start: datetime, stop: datetime) -> tuple[int, int]:
    """(posts, deliveries) published in [start, stop)."""
    statement = select(func.count(func.distinct(Delivery.post_id)), func.count()).where(
        Delivery.published_at >= start, Delivery.published_at < stop
    )
    posts, count = (await session.execute(statement)).one()
    return int(posts), int(count)


async def clicks(session: AsyncSession, start: datetime, stop: datetime) -> int:
    statement = select(func.coalesce(func.sum(Rollup.clicks), 0)).where(
        Rollup.grain == "day", Rollup.dim == "total", Rollup.bucket >= start, Rollup.bucket < stop
    )
    return int((await session.execute(statement)).scalar_one())


async def products(session: AsyncSession, stop: datetime) -> int:
    statement = select(func.count()).where(ProductStats.created_at < stop)
    return int((await session.execute(statement)).scalar_one())
