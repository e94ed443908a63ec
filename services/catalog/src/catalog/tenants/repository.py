"""Every query on the catalog's copy of tenant settings. No commits: the boundary does."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import TenantSettings
from kit.tenancy import current_tenant


async def get(session: AsyncSession) -> TenantSettings | None:
    """The session tenant's settings, or None before its first tenant event."""
    tenant = current_tenant(session)
    return None if tenant is None else await session.get(TenantSettings, tenant)


async def upsert(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    locales: list[str],
    fallback_locale: str | None,
    timezone: str | None,
    profile_at: datetime,
) -> None:
    """Keep the profile of `profile_at` unless a newer one is already stored."""
    values = {
        "locales": locales,
        "fallback_locale": fallback_locale,
        "timezone": timezone,
        "profile_at": profile_at,
    }
    statement = insert(TenantSettings).values(tenant_id=tenant_id, **values)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["tenant_id"],
            set_={**values, "updated_at": text("now()")},
            where=TenantSettings.profile_at < statement.excluded.profile_at,
        )
    )
