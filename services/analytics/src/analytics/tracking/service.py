"""Use cases of the per-tenant tracking settings."""

from __future__ import annotations

import uuid
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.ext.asyncio import AsyncSession

from analytics.errors import UnknownTimezone
from analytics.models import TenantSettings
from analytics.rollups import repository as rollups_repo
from analytics.tracking import repository
from analytics.tracking.schemas import Store, TrackingUpdate
from contracts.gateway import TenantCreatedV1, TenantUpdatedV1
from kit.secrets import Sealer, SecretUnreadable


def normalise_domain(domain: str) -> str:
    return domain.strip().lower().rstrip(".")


def zone(name: str | None) -> ZoneInfo:
    """The tenant's timezone (IANA name); an unknown name reads as UTC."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


async def _set_timezone(session: AsyncSession, row: TenantSettings, name: str) -> None:
    """A new timezone moves every local day: its day rollups are rebuilt by the rollup job."""
    if name == row.timezone:
        return
    row.timezone = name
    await rollups_repo.redo_days(session, row.tenant_id)


async def settings_of(
    session: AsyncSession, tenant_id: uuid.UUID, window_days: int
) -> TenantSettings:
    return await repository.ensure(session, tenant_id, window_days)


async def update(
    session: AsyncSession, tenant_id: uuid.UUID, change: TrackingUpdate, window_days: int
) -> TenantSettings:
    """Apply the fields given in `change`."""
    row = await repository.ensure(session, tenant_id, window_days)
    values = change.model_dump(exclude_unset=True, exclude_none=True)
    if "allowed_store_domains" in values:
        values["allowed_store_domains"] = sorted(
            {normalise_domain(d) for d in values["allowed_store_domains"] if d.strip()}
        )
    if "timezone" in values:
        name = values.pop("timezone")
        if zone(name).key != name:
            raise UnknownTimezone(f"{name!r} is not an IANA timezone name")
        await _set_timezone(session, row, name)
    for name, value in values.items():
        setattr(row, name, value)
    await session.flush()
    return row


async def on_tenant_created(
    session: AsyncSession, tenant_id: uuid.UUID, tenant: TenantCreatedV1, window_days: int
) -> None:
    """Keep what analytics needs of a new tenant: its domains, timezone and population."""
    row = await repository.ensure(session, tenant_id, window_days)
    row.slug = tenant.slug
    await _set_timezone(session, row, tenant.timezone)
    row.population = tenant.population
    row.allowed_store_domains = sorted(
        {normalise_domain(d) for d in tenant.allowed_store_domains if d.strip()}
    )
    await session.flush()


async def on_tenant_updated(
    session: AsyncSession, tenant_id: uuid.UUID, tenant: TenantUpdatedV1, window_days: int
) -> None:
    """Follow the tenant's edited profile; store domains are only added (analytics' own
    settings may list more, and a profile edit must not silently break tracked links)."""
    row = await repository.ensure(session, tenant_id, window_days)
    row.slug = tenant.slug
    await _set_timezone(session, row, tenant.timezone)
    row.population = tenant.population
    domains = {normalise_domain(d) for d in tenant.allowed_store_domains if d.strip()}
    row.allowed_store_domains = sorted(domains | set(row.allowed_store_domains or []))
    await session.flush()


async def set_webhook_secret(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    store: Store,
    secret: str,
    sealer: Sealer,
    window_days: int,
) -> None:
    """Store `secret` encrypted; it is never returned."""
    row = await repository.ensure(session, tenant_id, window_days)
    setattr(row, f"{store}_secret", sealer.seal_text(secret))
    await session.flush()


async def webhook_secret(session: AsyncSession, store: Store, sealer: Sealer) -> str | None:
    """The tenant's decrypted secret for `store`, or None when unset or when no configured key
    opens it any more (its key was retired too early: the store must be given a new secret)."""
    row = await repository.get(session)
    token = getattr(row, f"{store}_secret", None) if row else None
    if not token:
        return None
    try:
        return sealer.open_text(token)
    except SecretUnreadable:
        return None
