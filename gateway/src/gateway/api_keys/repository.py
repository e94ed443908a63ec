"""API key queries; only the lookup by prefix crosses tenants. No commits here."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.api_keys.models import ApiKey
from gateway.plans.models import Plan
from gateway.tenants.models import Tenant
from kit.pagination import paginate

# `last_used_at` is for humans auditing keys: one write per key a minute is precise enough.
KEY_USE_RESOLUTION = timedelta(minutes=1)


async def get_api_key_and_tenant(
    session: AsyncSession, prefix: str
) -> tuple[ApiKey, Tenant, Plan | None] | None:
    found = await session.execute(
        select(ApiKey, Tenant, Plan)
        .join(Tenant, ApiKey.tenant_id == Tenant.id)
        .outerjoin(Plan, Tenant.plan == Plan.name)
        .where(ApiKey.prefix == prefix)
    )
    row = found.first()
    return None if row is None else (row[0], row[1], row[2])


async def api_key_prefix_exists(session: AsyncSession, prefix: str) -> bool:
    found = await session.execute(select(ApiKey.id).where(ApiKey.prefix == prefix))
    return found.first() is not None


async def touch_api_key(session: AsyncSession, key_id: uuid.UUID, at: datetime) -> None:
    await session.execute(
        update(ApiKey)
        .where(
            ApiKey.id == key_id,
            or_(ApiKey.last_used_at.is_(None), ApiKey.last_used_at < at - KEY_USE_RESOLUTION),
        )
        .values(last_used_at=at)
    )


async def get_api_key(
    session: AsyncSession, tenant_id: uuid.UUID, key_id: uuid.UUID
) -> ApiKey | None:
    found = await session.execute(
        select(ApiKey).where(ApiKey.id == key_id, ApiKey.tenant_id == tenant_id)
    )
    return found.scalar_one_or_none()


async def list_api_keys(
    session: AsyncSession, tenant_id: uuid.UUID, *, cursor: str | None, limit: int
) -> tuple[list[ApiKey], str | None]:
    statement = select(ApiKey).where(ApiKey.tenant_id == tenant_id)
    return await paginate(session, statement, ApiKey, cursor=cursor, limit=limit)
