"""Tenants: onboarding, profile, plan, quotas and status of the municipalities. Never commits:
the boundary does; changes add `gateway.tenant.*` events (created, updated, plan_changed) to the
outbox in the same transaction."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.gateway import TenantCreatedV1, TenantUpdatedV1
from gateway import access, authn
from gateway.errors import MfaState, SlugTaken, TenantNotFound
from gateway.plans import repository as plans_repo
from gateway.plans import service as plans
from gateway.plans.models import Plan
from gateway.tenants import repository as tenants_repo
from gateway.tenants.models import Tenant
from gateway.tenants.schemas import SecuritySettings, TenantCreate, TenantRead, TenantUpdate
from gateway.users import repository as users_repo
from kit import policy
from kit.auth import InternalPrincipal
from kit.errors import Forbidden, InvalidInput
from kit.events import outbox

log = logging.getLogger(__name__)


CLEARABLE_TENANT_FIELDS = frozenset({"population", "country", "primary_social_url"})

PLAN_FIELDS = frozenset({"plan", "limits"})


def _visible_tenant(caller: InternalPrincipal, tenant_id: uuid.UUID) -> None:
    # Another tenant's id answers like a missing one: ids are not confirmed to outsiders.
    if not caller.has_role(policy.OPERATOR) and caller.tenant_id != tenant_id:
        raise TenantNotFound(f"no tenant {tenant_id}")


def _profile(tenant: Tenant) -> dict[str, Any]:
    """The tenant's settings as `gateway.tenant.created|updated.v1` carry them."""
    return {
        "slug": tenant.slug,
        "name": tenant.name,
        "timezone": tenant.timezone,
        "locales": list(tenant.locales),
        "currency": tenant.currency,
        "population": tenant.population,
        "allowed_store_domains": list(tenant.allowed_store_domains),
        "country": tenant.country,
        "fallback_locale": tenant.fallback_locale,
        "plan": tenant.plan,
        "primary_social_url": tenant.primary_social_url,
    }


def tenant_read(tenant: Tenant, plan: Plan | None) -> TenantRead:
    """The tenant as the API shows it, with the plan's quotas applied."""
    return TenantRead(
        id=tenant.id,
        slug=tenant.slug,
        name=tenant.name,
        timezone=tenant.timezone,
        country=tenant.country,
        locales=tenant.locales,
        fallback_locale=tenant.fallback_locale,
        currency=tenant.currency,
        population=tenant.population,
        allowed_store_domains=tenant.allowed_store_domains,
        primary_social_url=tenant.primary_social_url,
        plan=tenant.plan,
        limits=tenant.limits,
        effective_limits=authn.effective_limits(tenant, plan),
        features=authn.features(plan),
        status=tenant.status,
        suspended_at=tenant.suspended_at,
        mfa_required=tenant.mfa_required,
        created_at=tenant.created_at,
    )


def _fallback(locales: list[str], fallback: str | None) -> str:
    if fallback is None:
        return locales[0]
    if fallback not in locales:
        raise InvalidInput(f"fallback_locale {fallback!r} is not one of the locales")
    return fallback


async def add_tenant(session: AsyncSession, data: TenantCreate) -> tuple[Tenant, Plan]:
    if await tenants_repo.get_tenant_by_slug(session, data.slug) is not None:
        raise SlugTaken(f"a tenant already uses the slug {data.slug!r}")
    plan = await plans.plan_named(session, data.plan)
    tenant = Tenant(
        slug=data.slug,
        name=data.name,
        timezone=data.timezone,
        country=data.country,
        locales=list(data.locales),
        fallback_locale=_fallback(list(data.locales), data.fallback_locale),
        currency=data.currency,
        population=data.population,
        allowed_store_domains=list(data.allowed_store_domains),
        primary_social_url=data.primary_social_url,
        plan=plan.name,
        limits=dict(data.limits or {}),
        status="active",
    )
    session.add(tenant)
    await session.flush()
    await session.refresh(tenant)
    await outbox.add(session, TenantCreatedV1(**_profile(tenant)), tenant_id=tenant.id)
    # Services learn the new tenant's quotas the same way they learn a later change.
    await plans.announce_plan(session, tenant, plan)
    return tenant, plan


async def open_tenant(
    session: AsyncSession, caller: InternalPrincipal, data: TenantCreate
) -> TenantRead:
    """Onboard a municipality (operator only)."""
    access.require_operator(caller)
    return tenant_read(*await add_tenant(session, data))


async def _visible_tenant_and_plan(
    session: AsyncSession, caller: InternalPrincipal, tenant_id: uuid.UUID
) -> tuple[Tenant, Plan | None]:
    _visible_tenant(caller, tenant_id)
    found = await tenants_repo.get_tenant_and_plan(session, tenant_id)
    if found is None:
        raise TenantNotFound(f"no tenant {tenant_id}")
    return found


async def get_tenant(
    session: AsyncSession, caller: InternalPrincipal, tenant_id: uuid.UUID
) -> TenantRead:
    """A tenant, to the operator or its own members."""
    return tenant_read(*await _visible_tenant_and_plan(session, caller, tenant_id))


async def list_tenants(session: AsyncSession, caller: InternalPrincipal) -> list[TenantRead]:
    """Every tenant (operator only), by slug."""
    access.require_operator(caller)
    plans = {plan.name: plan for plan in await plans_repo.list_plans(session)}
    return [tenant_read(t, plans.get(t.plan)) for t in await tenants_repo.list_tenants(session)]


async def page_tenants(
    session: AsyncSession, caller: InternalPrincipal, *, cursor: str | None, limit: int
) -> tuple[list[TenantRead], str | None]:
    """One page of the tenants, by slug (operator only)."""
    access.require_operator(caller)
    tenants, next_cursor = await tenants_repo.page_tenants(session, cursor=cursor, limit=limit)
    plans = {plan.name: plan for plan in await plans_repo.list_plans(session)}
    return [tenant_read(t, plans.get(t.plan)) for t in tenants], next_cursor


async def update_tenant(
    session: AsyncSession, caller: InternalPrincipal, tenant_id: uuid.UUID, data: TenantUpdate
) -> TenantRead:
    """Change a tenant's profile, plan, quotas or status (operator only)."""
    access.require_operator(caller)
    tenant, plan = await _visible_tenant_and_plan(session, caller, tenant_id)
    before = _profile(tenant)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("plan") is not None:
        plan = await plans.plan_named(session, changes["plan"])
    status = changes.pop("status", None)
    for field, value in changes.items():
        if value is not None or field in CLEARABLE_TENANT_FIELDS:
            setattr(tenant, field, value)
    if "fallback_locale" in changes or tenant.fallback_locale not in tenant.locales:
        # An explicit fallback must be a locale; one the new locales dropped becomes the first.
        explicit = changes.get("fallback_locale")
        tenant.fallback_locale = _fallback(tenant.locales, explicit)
    if status is not None:
        _set_status(tenant, status)
    await session.flush()
    after = _profile(tenant)
    if after != before:
        # The whole profile, not a diff: a consumer that missed an update is right again.
        await outbox.add(session, TenantUpdatedV1(**after), tenant_id=tenant.id)
    if PLAN_FIELDS & {f for f, v in changes.items() if v is not None}:
        await plans.announce_plan(session, tenant, plan)
    return tenant_read(tenant, plan)


def _set_status(tenant: Tenant, status: str) -> None:
    if status == tenant.status:
        return
    tenant.status = status
    tenant.suspended_at = datetime.now(UTC) if status == "suspended" else None
    log.info("tenant status changed", extra={"tenant": tenant.slug, "status": status})


async def set_tenant_status(
    session: AsyncSession, caller: InternalPrincipal, tenant_id: uuid.UUID, status: str
) -> TenantRead:
    """Suspend or reactivate a tenant (operator only); its data is kept either way."""
    access.require_operator(caller)
    tenant, plan = await _visible_tenant_and_plan(session, caller, tenant_id)
    _set_status(tenant, status)
    await session.flush()
    return tenant_read(tenant, plan)


async def security_settings(session: AsyncSession, caller: InternalPrincipal) -> SecuritySettings:
    """The caller's town's security settings (its admins)."""
    tenant_id = access.require_tenant_admin(caller)
    tenant, _ = await _visible_tenant_and_plan(session, caller, tenant_id)
    return SecuritySettings.model_validate(tenant)


async def update_security_settings(
    session: AsyncSession, caller: InternalPrincipal, data: SecuritySettings
) -> SecuritySettings:
    """Change the caller's town's security settings. Only a logged-in admin may: a key holds no
    second factor, so a leaked one must not be able to turn the requirement off."""
    tenant_id = access.require_tenant_admin(caller)
    if caller.kind != "user":
        raise Forbidden("security settings are changed by a logged-in admin, not an API key")
    if data.mfa_required:
        admin = await users_repo.get_user(session, uuid.UUID(caller.sub))
        if admin is None or not admin.mfa_enabled:
            # Otherwise the admin locks themselves out of everything but enrolment.
            raise MfaState("enrol a second factor yourself first: POST /v1/me/mfa/totp, confirm")
    tenant, _ = await _visible_tenant_and_plan(session, caller, tenant_id)
    tenant.mfa_required = data.mfa_required
    await session.flush()
    return SecuritySettings.model_validate(tenant)
