"""The tenant's languages as the catalog uses them: which text a caller sees when theirs is
missing. The gateway owns the tenant profile; the catalog keeps a copy from its events.

Every catalog request reads them, so each process keeps a tenant's for 5 s (`kit.kept`): the
process that handles the tenant's event forgets its copy at once, another process within that
bound (the same bound as the gateway's `PRINCIPAL_CACHE_SECONDS` default)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.ext.asyncio import AsyncSession

from catalog.tenants import repository
from contracts.gateway import TenantCreatedV1
from kit.kept import Kept


@dataclass(frozen=True)
class Languages:
    """The tenant's fallback language, then its other languages in its order."""

    fallback: str
    locales: tuple[str, ...]
    timezone: str | None = None


KEPT: Kept[uuid.UUID, Languages] = Kept(seconds=5.0)


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
    KEPT.forget(tenant_id)


def _zone(name: str | None) -> str | None:
    """`name` when it is an IANA time zone this host knows, else None (the default applies)."""
    if not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


async def languages(
    session: AsyncSession, tenant_id: uuid.UUID | None, default_fallback: str
) -> Languages:
    """The session tenant's languages: its fallback, else its first locale, else the default."""
    kept = KEPT.get(tenant_id) if tenant_id is not None else None
    if kept is not None:
        return kept
    row = await repository.get(session)
    if row is None:
        found = Languages(default_fallback, ())
    else:
        fallback = row.fallback_locale or (row.locales[0] if row.locales else default_fallback)
        found = Languages(fallback, tuple(row.locales), row.timezone)
    if tenant_id is not None:
        KEPT.put(tenant_id, found)
    return found
