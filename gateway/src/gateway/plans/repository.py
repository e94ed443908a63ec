"""Plan queries. No commits here: the boundary commits."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.plans.models import Plan


async def get_plan(session: AsyncSession, name: str) -> Plan | None:
    return await session.get(Plan, name)


async def list_plans(session: AsyncSession) -> list[Plan]:
    found = await session.execute(select(Plan).order_by(Plan.name))
    return list(found.scalars().all())
