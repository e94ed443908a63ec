"""The tenant's languages as the catalog uses them: which text a caller sees when theirs is
missing. The gateway owns the tenant profile; the catalog keeps a copy from its events."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.ext.asyncio import AsyncSession

from catalog.tenants import repository
from contracts.gateway import TenantCreatedV1


@dataclass(frozen=True)
class Languages:
    """The tenant's fallback language, then its other languages in its order."""

    fallback: str
    locales: tuple[str, ...]
    timezone: str | None = None


async def keep_profile(
    session: AsyncSession, tenant_id: uuid.UUID, profile: TenantCreatedV1, occurred_at: datetime
) -> None:
    """Store the languages and time zone of a tenant event (created or updated)."""
    locales = [lang.strip().lower() for lang in profile.locales if lang.strip()]
    fallback = profile.fallback_locale.strip().lower() if profile.fallback_locale else None
    await repository.upsert(
        session,
        tenant_id,
        locales=list(dict.fromkeys(locales)),
        fallback_locale=fallback or None,
        timezone=_zone(profile.timezone),
        profile_at=occurred_at,
    )


def _zone(name: str | None) -> str | None:
    """`name` when it is an IANA time zone this host knows, else None (the default applies)."""
    if not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


async def languages(session: AsyncSession, default_fallback: str) -> Languages:
    """The session tenant's languages: its fallback, else its first locale, else the default."""
    row = await repository.get(session)
    if row is None:
        return Languages(default_fallback, ())
    fallback = row.fallback_locale or (row.locales[0] if row.locales else default_fallback)
    return Languages(fallback, tuple(row.locales), row.timezone)
