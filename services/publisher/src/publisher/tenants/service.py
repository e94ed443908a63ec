"""The tenant's publishing preferences: timezone (the token carries none), auto drafts."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.ext.asyncio import AsyncSession

from publisher.errors import BadTimezone
from publisher.models import TenantSettings
from publisher.tenants import repository
from publisher.tenants.schemas import PublishingSettingsUpdate


def zone(name: str) -> ZoneInfo:
    """The IANA zone `name`, or a 400 problem."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise BadTimezone(f"unknown timezone {name!r}") from exc


async def current(session: AsyncSession, default_timezone: str) -> TenantSettings:
    """The tenant's settings row (defaults on first use)."""
    return await repository.ensure(session, default_timezone)


async def update(
    session: AsyncSession, default_timezone: str, data: PublishingSettingsUpdate
) -> TenantSettings:
    row = await current(session, default_timezone)
    if data.timezone is not None:
        zone(data.timezone)
        row.timezone = data.timezone
    if data.auto_draft_on_publish is not None:
        row.auto_draft_on_publish = data.auto_draft_on_publish
    if data.default_language is not None:
        row.default_language = data.default_language
    await session.flush()
    return row


async def timezone_of(session: AsyncSession, requested: str | None, default: str) -> ZoneInfo:
    """The zone a request names, else the tenant's."""
    if requested:
        return zone(requested)
    return zone((await current(session, default)).timezone)
