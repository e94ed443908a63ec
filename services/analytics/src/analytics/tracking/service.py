"""Use cases of the per-tenant tracking settings."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.ext.asyncio import AsyncSession

from analytics.errors import StoreDomainsOperatorOnly, UnknownTimezone
from analytics.models import TenantSettings
from analytics.rollups import repository as rollups_repo
from analytics.tracking import repository
from analytics.tracking.schemas import Store, TrackingUpdate
from contracts.gateway import TenantCreatedV1, TenantUpdatedV1
from kit import tenancy
from kit.kept import Kept
from kit.secrets import Sealer, SecretUnreadable
from kit.storedomains import ascii_host, store_domain

log = logging.getLogger(__name__)

# Every store webhook checks its signature with the town's secret, so each process keeps a
# tenant's opened secrets for 5 s (`kit.kept`): the process that sets a new secret forgets its
# copy at once, another process within that bound. A webhook signed with the replaced secret may
# pass there meanwhile, as it did until the store was given the new one.
KEPT_SECRETS: Kept[tuple[uuid.UUID, Store], str] = Kept(seconds=5.0)


def _store_domains(tenant_id: uuid.UUID, domains: Iterable[str]) -> list[str]:
    """The gateway's list in stored form; an entry the rule refuses (from before it) is dropped."""
    kept = set()
    for domain in domains:
        try:
            kept.add(store_domain(domain))
        except ValueError as exc:
            log.warning(
                "store domain dropped", extra={"tenant_id": str(tenant_id), "why": str(exc)}
            )
    return sorted(kept)


def _refuse_store_domain_changes(row: TenantSettings, wanted: list[str]) -> None:
    """Store domains are the tenant's, set by the operator through the gateway (a town admin who
    could widen them would turn `/r/` into an open redirect); sending them unchanged is fine."""
    given = {ascii_host(d) or d for d in wanted if d.strip()}
    if given != set(row.allowed_store_domains or []):
        raise StoreDomainsOperatorOnly(
            "allowed_store_domains is set by the platform operator on the tenant"
            " (PATCH /v1/tenants/{id}); leave it out or send it unchanged"
        )


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
        _refuse_store_domain_changes(row, values.pop("allowed_store_domains"))
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
    row.allowed_store_domains = _store_domains(tenant_id, tenant.allowed_store_domains)
    await session.flush()


async def on_tenant_updated(
    session: AsyncSession, tenant_id: uuid.UUID, tenant: TenantUpdatedV1, window_days: int
) -> None:
    """Follow the tenant's edited profile, store domains included (the gateway's list is the
    only one: an operator who removes a domain removes it here too)."""
    row = await repository.ensure(session, tenant_id, window_days)
    row.slug = tenant.slug
    await _set_timezone(session, row, tenant.timezone)
    row.population = tenant.population
    row.allowed_store_domains = _store_domains(tenant_id, tenant.allowed_store_domains)
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
    KEPT_SECRETS.forget((tenant_id, store))


async def webhook_secret(session: AsyncSession, store: Store, sealer: Sealer) -> str | None:
    """The tenant's decrypted secret for `store`, or None when unset or when no configured key
    opens it any more (its key was retired too early: the store must be given a new secret).
    Kept a few seconds per process (`KEPT_SECRETS`)."""
    tenant = tenancy.current_tenant(session)
    kept = KEPT_SECRETS.get((tenant, store)) if tenant is not None else None
    if kept is not None:
        return kept
    row = await repository.get(session)
    token = getattr(row, f"{store}_secret", None) if row else None
    if not token:
        return None
    try:
        secret = sealer.open_text(token)
    except SecretUnreadable:
        return None
    if tenant is not None:
        KEPT_SECRETS.put((tenant, store), secret)
    return secret
