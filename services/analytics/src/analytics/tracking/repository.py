"""Queries on `tenant_settings`."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from analytics.models import TenantSettings


async def get(session: AsyncSession) -> TenantSettings | None:
    return (await session.execute(select(TenantSettings))).scalar_one_or_none()


async def ensure(session: AsyncSession, tenant_id: uuid.UUID, window_days: int) -> TenantSettings:
    """The tenant's row, created with defaults on first use."""
    await session.execute(
        insert(TenantSettings)
        .values(
            tenant_id=tenant_id,
            timezone="UTC",
            allowed_store_domains=[],
            tracking_enabled=True,
            track_referrer=True,
            track_user_agent=True,
            attribution_window_days=window_days,
        )
        .on_conflict_do_nothing(index_elements=[TenantSettings.tenant_id])
    )
    row = await get(session)
    assert row is not None
    return row
