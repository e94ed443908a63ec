"""Plan queries. No commits here: the boundary commits."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.plans.models import Plan
from kit.pagination import paginate_by_key


async def get_plan(session: AsyncSession, name: str) -> Plan | None:
    return await session.get(Plan, name)


async def page_plans(
    session: AsyncSession, *, cursor: str | None, limit: int
) -> tuple[list[Plan], str | None]:
    """One page of the plans, by name."""
    return await paginate_by_key(session, select(Plan), Plan.name, cursor=cursor, limit=limit)


async def list_plans(session: AsyncSession) -> list[Plan]:
    found = await session.execute(select(Plan).order_by(Plan.name))
    return list(found.scalars().all())
