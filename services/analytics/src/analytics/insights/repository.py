"""Queries of insight snapshots."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from analytics.models import InsightSnapshot
from kit import tenancy


async def add(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    tenant = tenancy.current_tenant(session)
    if rows:
        await session.execute(insert(InsightSnapshot), [{**r, "tenant_id": tenant} for r in rows])


async def latest(session: AsyncSession, metric: str | None, limit: int) -> list[InsightSnapshot]:
    statement = select(InsightSnapshot).order_by(InsightSnapshot.taken_at.desc()).limit(limit)
    if metric:
        statement = statement.where(InsightSnapshot.metric == metric)
    return list((await session.execute(statement)).scalars().all())
