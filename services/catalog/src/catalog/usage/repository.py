"""Counts of the tenant's catalog for the operator's monthly usage report."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Import, Media, Place, Producer, Product


async def count_all(session: AsyncSession, model: type[Producer | Product | Place]) -> int:
    result = await session.execute(select(func.count()).select_from(model))
    return int(result.scalar_one())


async def count_published(session: AsyncSession) -> int:
    result = await session.execute(
        select(func.count()).select_from(Product).where(Product.status == "published")
    )
    return int(result.scalar_one())


async def media_between(session: AsyncSession, start: datetime, end: datetime) -> tuple[int, int]:
    """(uploads, bytes) of media created in [start, end)."""
    result = await session.execute(
        select(func.count(), func.coalesce(func.sum(Media.size_bytes), 0)).where(
            Media.created_at >= start, Media.created_at < end
        )
    )
    count, size = result.one()
    return int(count), int(size)


async def imported_rows_between(session: AsyncSession, start: datetime, end: datetime) -> int:
    result = await session.execute(
        select(func.coalesce(func.sum(Import.total_rows), 0)).where(
            Import.created_at >= start, Import.created_at < end, Import.status == "succeeded"
        )
    )
    return int(result.scalar_one())
