"""Queries of insight snapshots."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from analytics.models import InsightSnapshot
from kit import tenancy
from kit.pagination import paginate


async def add(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    tenant = tenancy.current_tenant(session)
    if rows:
        await session.execute(insert(InsightSnapshot), [{**r, "tenant_id": tenant} for r in rows])


async def page(
    session: AsyncSession, metric: str | None, cursor: str | None, limit: int
) -> tuple[list[InsightSnapshot], str | None]:
    """Snapshots, latest taken first, optionally of one metric, after `cursor`."""
    statement = select(InsightSnapshot)
    if metric:
        statement = statement.where(InsightSnapshot.metric == metric)
    return await paginate(
        session,
        statement,
        InsightSnapshot,
        cursor=cursor,
        limit=limit,
        order=InsightSnapshot.taken_at,
    )
