"""Tenant queries. No commits here: the boundary commits."""

from __future__ import annotations

import uuid

from sqlalchemy import RowMapping, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.plans.models import Plan
from gateway.tenants.models import Tenant
from kit.pagination import paginate_by_key


async def get_tenant(session: AsyncSession, tenant_id: uuid.UUID) -> Tenant | None:
    return await session.get(Tenant, tenant_id)


async def get_tenant_by_slug(session: AsyncSession, slug: str) -> Tenant | None:
    found = await session.execute(select(Tenant).where(Tenant.slug == slug))
    return found.scalar_one_or_none()


async def get_tenant_and_plan(
    session: AsyncSession, tenant_id: uuid.UUID
) -> tuple[Tenant, Plan | None] | None:
    found = await session.execute(
        select(Tenant, Plan).outerjoin(Plan, Tenant.plan == Plan.name).where(Tenant.id == tenant_id)
    )
    row = found.first()
    return None if row is None else (row[0], row[1])


async def list_tenants(session: AsyncSession) -> list[Tenant]:
    found = await session.execute(select(Tenant).order_by(Tenant.slug))
    return list(found.scalars().all())


async def page_tenants(
    session: AsyncSession, *, cursor: str | None, limit: int
) -> tuple[list[Tenant], str | None]:
    """One page of every tenant, by slug."""
    return await paginate_by_key(session, select(Tenant), Tenant.slug, cursor=cursor, limit=limit)


async def list_tenants_on_plan(session: AsyncSession, plan: str) -> list[Tenant]:
    found = await session.execute(select(Tenant).where(Tenant.plan == plan))
    return list(found.scalars().all())


async def tenant_and_plan_rows(
    session: AsyncSession, tenant_id: uuid.UUID
) -> tuple[RowMapping, RowMapping | None] | None:
    """The tenant's row and its plan's row, every column (for an export)."""
    tenant = (
        (await session.execute(select(Tenant.__table__).where(Tenant.id == tenant_id)))
        .mappings()
        .first()
    )
    if tenant is None:
        return None
    plan = (
        (await session.execute(select(Plan.__table__).where(Plan.name == tenant["plan"])))
        .mappings()
        .first()
    )
    return tenant, plan
