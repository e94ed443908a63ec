"""Queries on the per-tenant settings row. No commits here."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from kit import tenancy
from publisher.models import TenantSettings


async def get(session: AsyncSession) -> TenantSettings | None:
    return (await session.execute(select(TenantSettings))).scalar_one_or_none()


async def ensure(session: AsyncSession, timezone: str) -> TenantSettings:
    """The tenant's row, created with defaults on first use (safe under concurrency)."""
    tenant = tenancy.current_tenant(session)
    await session.execute(
        insert(TenantSettings)
        .values(
            id=uuid.uuid4(),
            tenant_id=tenant,
            timezone=timezone,
            auto_draft_on_publish=True,
            default_language="ja",
        )
        .on_conflict_do_nothing(index_elements=["tenant_id"])
    )
    row = await get(session)
    assert row is not None
    return row
