"""Gateway use cases: logins, token rotation, plans, tenants, users, invitations, API keys.
Never commits, except the bootstrap functions at the bottom, which are their own boundary (the
CLI calls them). Tenant and plan changes add `gateway.tenant.*` events (created, updated,
plan_changed) to the outbox in the same transaction.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import RowMapping, Table
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.gateway import PlanChangedV1, TenantCreatedV1, TenantUpdatedV1
from gateway import authn, repository
from gateway.authn import Authenticator
from gateway.errors import (
    ApiKeyNotFound,
    EmailTaken,
    InvalidCredentials,
    InvalidInvitation,
    InvalidMfaCode,
    MfaRequired,
    PlanNotFound,
    SlugTaken,
    TenantNotFound,
)
from gateway.mail import Mail
from gateway.models import ApiKey, Base, Invitation, Plan, RefreshToken, Tenant, User
from gateway.schemas import (
    ROLES,
    ApiKeyCreate,
    InvitationCreate,
    MeRead,
    PlanWrite,
    TenantCreate,
    TenantRead,
    TenantUpdate,
    TokenRead,
    UserCreate,
    normalize_email,
)
from gateway.upstream import gateway_acting_for
from gateway.users import service as users
from kit import export, idempotency, policy
from kit.auth import InternalPrincipal, TokenSigner
from kit.db import Database
from kit.errors import Forbidden, InvalidInput, ProblemError, QuotaExceeded
from kit.events import outbox
from kit.jobs import Job
from kit.secrets import Sealer

log = logging.getLogger(__name__)

OPERATOR = "operator"
ADMIN = "admin"
PREFIX_ATTEMPTS = 5
CLEARABLE_TENANT_FIELDS = frozenset({"population", "country", "primary_social_url"})
PLAN_FIELDS = frozenset({"plan", "limits"})
STAFF_QUOTA = "staff_users"
REFUSED_LOGIN = "wrong email or password, or the account is locked for a while after failed logins"


@dataclass(frozen=True)
class LoginPolicy:
    """Account lockout: `max_failures` wrong passwords in a row lock it for `lockout`."""

    max_failures: int = 5
    lockout: timedelta = timedelta(minutes=15)


# --- who may do what -----------------------------------------------------------------------


def require_operator(caller: InternalPrincipal) -> None:
    """403 unless the caller is the platform operator."""
    if not caller.has_role(OPERATOR):
        raise Forbidden("only the platform operator may do this")


_require_operator = require_operator


def _require_tenant_admin(caller: InternalPrincipal) -> uuid.UUID:
    if caller.tenant_id is None or not caller.has_role(ADMIN):
        raise Forbidden("needs the admin role in a tenant")
    return caller.tenant_id


def _may_grant(
    caller: InternalPrincipal, roles: Sequence[str], scopes: Sequence[str] | None = None
) -> None:
    """403 unless `caller` may give `roles` to a new user or invitation (`scopes` None: every
    scope, as a user has) or to a new key: nobody grants a role above their own
    (kit.policy.grantable), and a key grants at most its own roles and scopes."""
    wanted = set(roles)
    if not wanted <= policy.grantable(caller.roles):
        raise Forbidden(f"may not grant the roles: {', '.join(sorted(wanted))}")
    if caller.kind != "key":
        return
    if scopes is not None and not wanted <= caller.roles:
        raise Forbidden("an API key grants at most its own roles")
    if not policy.covers_all(caller.scopes, scopes or [policy.ALL_SCOPES]):
        raise Forbidden(
            "an API key grants at most its own scopes; a user holds every scope, so only a key "
            "with `*` adds users"
        )


def _visible_tenant(caller: InternalPrincipal, tenant_id: uuid.UUID) -> None:
    # Another tenant's id answers like a missing one: ids are not confirmed to outsiders.
    if not caller.has_role(OPERATOR) and caller.tenant_id != tenant_id:
        raise TenantNotFound(f"no tenant {tenant_id}")


# --- tokens --------------------------------------------------------------------------------


async def _issue_tokens(
    session: AsyncSession,
    auth: Authenticator,
    principal: InternalPrincipal,
    family: uuid.UUID,
    enrolment_due: bool = False,
) -> TokenRead:
    refresh = authn.new_refresh_token()
    session.add(
        RefreshToken(
            user_id=uuid.UUID(principal.sub),
            family_id=family,
            token_hash=authn.sha256_hex(refresh),
            expires_at=datetime.now(UTC) + auth.refresh_ttl,
        )
    )
    await session.flush()
    return TokenRead(
        access_token=auth.mint_access_token(principal),
        expires_in=auth.access_ttl_seconds,
        refresh_token=refresh,
        mfa_enrolment_required=enrolment_due,
    )


async def login(
    session: AsyncSession,
    auth: Authenticator,
    email: str,
    password: str,
    policy: LoginPolicy = LoginPolicy(),
    *,
    sealer: Sealer | None = None,
    totp_code: str | None = None,
) -> TokenRead | ProblemError:
    """A new token pair (and refresh-token family) for a correct email and password, or the
    error to answer; the caller commits either way, so failed attempts are counted.

    An unknown email, a wrong password, a disabled and a locked account each cost one password
    check and get the same answer, so none tells whether the email exists (OWASP Authentication
    Cheat Sheet, "Authentication and Error Messages"); a lock ends by itself. An account with a
    second factor then needs `totp_code` (401 `mfa-required` without it); a wrong code counts
    as a failed login, so codes cannot be guessed faster than passwords.
    """
    user = await repository.get_user_by_email_for_update(session, email)
    if user is None:
        await authn.spend_password_check(password)
        return InvalidCredentials(REFUSED_LOGIN)
    now = datetime.now(UTC)
    correct = await authn.verify_password(user.password_hash, password)
    if user.locked_until is not None and user.locked_until > now:
        return InvalidCredentials(REFUSED_LOGIN)
    if not user.is_active or not correct:
        _count_failure(user, now, policy)
        return InvalidCredentials(REFUSED_LOGIN)
    if user.totp_enabled_at is not None:
        if not totp_code:
            return MfaRequired("this account needs its TOTP code: send `totp_code` with the login")
        if sealer is None or not await users.check_second_factor(session, sealer, user, totp_code):
            _count_failure(user, now, policy)
            return InvalidMfaCode()
    user.failed_logins = 0
    user.locked_until = None
    if authn.needs_rehash(user.password_hash):
        user.password_hash = await authn.hash_password(password)
    found = (
        await repository.get_tenant_and_plan(session, user.tenant_id) if user.tenant_id else None
    )
    tenant = found[0] if found else None
    try:
        principal = authn.principal_for_user(user, *(found or (None, None)))
    except ProblemError as exc:
        return exc
    due = users.enrolment_due(user, tenant)
    return await _issue_tokens(session, auth, principal, uuid.uuid4(), due)


def _count_failure(user: User, now: datetime, policy: LoginPolicy) -> None:
    user.failed_logins += 1
    if user.failed_logins >= policy.max_failures:
        log.warning("account locked after failed logins", extra={"user_id": str(user.id)})
        user.locked_until = now + policy.lockout
        user.failed_logins = 0


async def rotate_refresh_token(
    session: AsyncSession, auth: Authenticator, token: str
) -> TokenRead | None:
    """Spend `token` for a new pair in its family, or None (the caller answers 401).

    A token presented a second time means it leaked or was replayed, so the whole family is
    revoked (RFC 9700 section 4.14.2); the caller must commit that before answering.
    """
    row = await repository.get_refresh_token_for_update(session, authn.sha256_hex(token))
    now = datetime.now(UTC)
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        return None
    if row.used_at is not None:
        log.warning("refresh token reused; family revoked", extra={"family_id": str(row.family_id)})
        await repository.revoke_refresh_family(session, row.family_id, now)
        return None
    row.used_at = now
    found = await repository.get_user_and_tenant(session, row.user_id)
    if found is None or not found[0].is_active:
        return None
    principal = authn.principal_for_user(*found)
    due = users.enrolment_due(found[0], found[1])
    return await _issue_tokens(session, auth, principal, row.family_id, due)


async def describe(session: AsyncSession, caller: InternalPrincipal) -> MeRead:
    """The caller, with the email of a user."""
    user = (
        await repository.get_user(session, uuid.UUID(caller.sub)) if caller.kind == "user" else None
    )
    return MeRead(
        sub=caller.sub,
        kind="user" if caller.kind == "user" else "key",
        user_id=user.id if user else None,
        email=user.email if user else None,
        tenant_id=caller.tenant_id,
        roles=sorted(caller.roles),
        producer_ids=sorted(caller.producer_ids),
        limits=caller.limits,
        features=sorted(caller.features),
    )


# --- plans ---------------------------------------------------------------------------------


async def list_plans(session: AsyncSession) -> list[Plan]:
    """Every plan, by name."""
    return await repository.list_plans(session)


async def put_plan(
    session: AsyncSession, caller: InternalPrincipal, name: str, data: PlanWrite
) -> Plan:
    """Create or change a plan (operator only); each tenant on it is told its new quotas."""
    _require_operator(caller)
    plan = await repository.get_plan(session, name)
    if plan is None:
        plan = Plan(name=name)
        session.add(plan)
    plan.description = data.description
    plan.limits = dict(data.limits)
    plan.features = sorted(set(data.features))
    await session.flush()
    for tenant in await repository.list_tenants_on_plan(session, name):
        await _announce_plan(session, tenant, plan)
    return plan


async def _plan_named(session: AsyncSession, name: str) -> Plan:
    plan = await repository.get_plan(session, name)
    if plan is None:
        raise PlanNotFound(f"no plan {name!r}")
    return plan


async def _announce_plan(session: AsyncSession, tenant: Tenant, plan: Plan | None) -> None:
    await outbox.add(
        session,
        PlanChangedV1(
            plan=tenant.plan,
            limits=authn.effective_limits(tenant, plan),
            features=authn.features(plan),
        ),
        tenant_id=tenant.id,
    )


# --- tenants -------------------------------------------------------------------------------


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
    if await repository.get_tenant_by_slug(session, data.slug) is not None:
        raise SlugTaken(f"a tenant already uses the slug {data.slug!r}")
    plan = await _plan_named(session, data.plan)
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
    await _announce_plan(session, tenant, plan)
    return tenant, plan


async def open_tenant(
    session: AsyncSession, caller: InternalPrincipal, data: TenantCreate
) -> TenantRead:
    """Onboard a municipality (operator only)."""
    _require_operator(caller)
    return tenant_read(*await add_tenant(session, data))


async def _visible_tenant_and_plan(
    session: AsyncSession, caller: InternalPrincipal, tenant_id: uuid.UUID
) -> tuple[Tenant, Plan | None]:
    _visible_tenant(caller, tenant_id)
    found = await repository.get_tenant_and_plan(session, tenant_id)
    if found is None:
        raise TenantNotFound(f"no tenant {tenant_id}")
    return found


async def get_tenant(
    session: AsyncSession, caller: InternalPrincipal, tenant_id: uuid.UUID
) -> TenantRead:
    """A tenant, to the operator or its own members."""
    return tenant_read(*await _visible_tenant_and_plan(session, caller, tenant_id))


async def list_tenants(session: AsyncSession, caller: InternalPrincipal) -> list[TenantRead]:
    """Every tenant (operator only)."""
    _require_operator(caller)
    plans = {plan.name: plan for plan in await repository.list_plans(session)}
    return [tenant_read(t, plans.get(t.plan)) for t in await repository.list_tenants(session)]


async def update_tenant(
    session: AsyncSession, caller: InternalPrincipal, tenant_id: uuid.UUID, data: TenantUpdate
) -> TenantRead:
    """Change a tenant's profile, plan, quotas or status (operator only)."""
    _require_operator(caller)
    tenant, plan = await _visible_tenant_and_plan(session, caller, tenant_id)
    before = _profile(tenant)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("plan") is not None:
        plan = await _plan_named(session, changes["plan"])
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
        await _announce_plan(session, tenant, plan)
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
    _require_operator(caller)
    tenant, plan = await _visible_tenant_and_plan(session, caller, tenant_id)
    _set_status(tenant, status)
    await session.flush()
    return tenant_read(tenant, plan)


# --- users ---------------------------------------------------------------------------------


async def add_user(
    session: AsyncSession,
    tenant_id: uuid.UUID | None,
    email: str,
    password: str,
    roles: Sequence[str],
    producer_ids: Sequence[uuid.UUID] = (),
    name: str | None = None,
) -> User:
    unknown = set(roles) - ROLES
    if unknown:
        raise InvalidInput(f"unknown roles: {', '.join(sorted(unknown))}")
    if (OPERATOR in roles) != (tenant_id is None):
        raise InvalidInput("operators belong to no tenant; everyone else to one")
    if await repository.get_user_by_email(session, email) is not None:
        raise EmailTaken(f"{email} is already registered")
    if tenant_id is not None:
        await check_staff_quota(session, tenant_id)
    user = User(
        tenant_id=tenant_id,
        email=email,
        name=name,
        password_hash=await authn.hash_password(password),
        roles=sorted(set(roles)),
        producer_ids=[str(p) for p in producer_ids],
        is_active=True,
    )
    session.add(user)
    await session.flush()
    await session.refresh(user)
    return user


async def check_staff_quota(session: AsyncSession, tenant_id: uuid.UUID) -> None:
    """The plan's `staff_users` quota, which the gateway enforces itself (it owns users)."""
    found = await repository.get_tenant_and_plan(session, tenant_id)
    if found is None:
        raise TenantNotFound(f"no tenant {tenant_id}")
    quota = authn.effective_limits(*found).get(STAFF_QUOTA)
    if quota is None:
        return
    if await repository.count_active_users(session, tenant_id) >= quota:
        raise QuotaExceeded(f"the plan allows {quota} users", quota=STAFF_QUOTA, limit=quota)


def _target_tenant(caller: InternalPrincipal, requested: uuid.UUID | None) -> uuid.UUID | None:
    """The tenant a new user or invitation is for: any (operator) or the caller's (admin)."""
    if caller.has_role(OPERATOR):
        return requested
    tenant_id = _require_tenant_admin(caller)
    if requested not in (None, tenant_id):
        raise TenantNotFound(f"no tenant {requested}")
    return tenant_id


async def register_user(session: AsyncSession, caller: InternalPrincipal, data: UserCreate) -> User:
    """Add a user to the caller's tenant (admin), or to any tenant (operator)."""
    tenant_id = _target_tenant(caller, data.tenant_id)
    if tenant_id is not None and await repository.get_tenant(session, tenant_id) is None:
        raise TenantNotFound(f"no tenant {tenant_id}")
    if OPERATOR in data.roles and not caller.has_role(OPERATOR):
        raise Forbidden("only the operator grants the operator role")
    _may_grant(caller, data.roles)
    return await add_user(
        session, tenant_id, data.email, data.password, data.roles, data.producer_ids, data.name
    )


# --- invitations ---------------------------------------------------------------------------


async def invite(
    session: AsyncSession, caller: InternalPrincipal, data: InvitationCreate, ttl: timedelta
) -> tuple[Invitation, str]:
    """A one-time invitation into a tenant, and its token (shown once, only its hash kept)."""
    tenant_id = _target_tenant(caller, data.tenant_id)
    if tenant_id is None:
        raise InvalidInput("an invitation is for a tenant: give tenant_id")
    if OPERATOR in data.roles:
        raise Forbidden("the operator role is never granted by invitation")
    _may_grant(caller, data.roles)
    await check_staff_quota(session, tenant_id)
    if await repository.get_user_by_email(session, data.email) is not None:
        raise EmailTaken(f"{data.email} is already registered")
    token = authn.new_refresh_token()
    invitation = Invitation(
        tenant_id=tenant_id,
        email=data.email,
        roles=sorted(set(data.roles)),
        producer_ids=[str(p) for p in data.producer_ids],
        token_hash=authn.sha256_hex(token),
        created_by=caller.actor,
        expires_at=datetime.now(UTC) + ttl,
    )
    session.add(invitation)
    await session.flush()
    return invitation, token


async def invitation_mail(
    session: AsyncSession, invitation: Invitation, token: str, public_url: str, hours: int
) -> Mail:
    """The mail that carries `token` to the invitee."""
    tenant = await repository.get_tenant(session, invitation.tenant_id)
    town = "a town" if tenant is None else str(tenant.name.get("en") or tenant.slug)
    return users.invitation_mail(invitation.email, token, town, public_url, hours)


async def accept_invitation(session: AsyncSession, token: str, password: str) -> User:
    """Spend an invitation: its user is created with `password`."""
    invitation = await repository.get_invitation_for_update(session, authn.sha256_hex(token))
    now = datetime.now(UTC)
    if invitation is None or invitation.accepted_at is not None or invitation.expires_at <= now:
        raise InvalidInvitation()
    invitation.accepted_at = now
    return await add_user(
        session,
        invitation.tenant_id,
        invitation.email,
        password,
        invitation.roles,
        [uuid.UUID(p) for p in invitation.producer_ids],
    )


# --- API keys ------------------------------------------------------------------------------


async def issue_api_key(
    session: AsyncSession, caller: InternalPrincipal, data: ApiKeyCreate
) -> tuple[ApiKey, str]:
    """A new key for the caller's tenant, and its token (shown once)."""
    tenant_id = _require_tenant_admin(caller)
    if OPERATOR in data.roles:
        raise Forbidden("an API key cannot be an operator")
    _may_grant(caller, data.roles, data.scopes)
    for _ in range(PREFIX_ATTEMPTS):
        made = authn.new_api_key()
        if not await repository.api_key_prefix_exists(session, made.prefix):
            break
    else:
        raise RuntimeError("could not find a free API key prefix")
    key = ApiKey(
        tenant_id=tenant_id,
        name=data.name,
        prefix=made.prefix,
        key_hash=made.key_hash,
        roles=sorted(set(data.roles)),
        scopes=sorted(set(data.scopes)),
        user_id=uuid.UUID(caller.sub) if caller.kind == "user" else None,
    )
    session.add(key)
    await session.flush()
    await session.refresh(key)
    return key, made.token


async def list_api_keys(
    session: AsyncSession, caller: InternalPrincipal, *, cursor: str | None, limit: int
) -> tuple[list[ApiKey], str | None]:
    tenant_id = _require_tenant_admin(caller)
    return await repository.list_api_keys(session, tenant_id, cursor=cursor, limit=limit)


async def revoke_api_key(
    session: AsyncSession, caller: InternalPrincipal, key_id: uuid.UUID
) -> None:
    """Revoke a key of the caller's tenant; revoking twice is harmless."""
    tenant_id = _require_tenant_admin(caller)
    key = await repository.get_api_key(session, tenant_id, key_id)
    if key is None:
        raise ApiKeyNotFound(f"no API key {key_id}")
    if key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
        await session.flush()


# --- export --------------------------------------------------------------------------------

EXPORT_SOURCE = "gateway"


@dataclass(frozen=True)
class ExportPart:
    """One service's export of the tenant: its 200 answer, open, its body not yet read."""

    service: str
    response: httpx.Response


async def exported_tenant(
    session: AsyncSession, caller: InternalPrincipal, tenant_id: uuid.UUID
) -> tuple[RowMapping, RowMapping | None]:
    """The row of the tenant to export and of its plan (operator only)."""
    _require_operator(caller)
    found = await repository.tenant_and_plan_rows(session, tenant_id)
    if found is None:
        raise TenantNotFound(f"no tenant {tenant_id}")
    return found


async def open_exports(
    upstreams: Mapping[str, httpx.AsyncClient],
    signer: TokenSigner,
    tenant_id: uuid.UUID,
    services: Sequence[str],
    timeout: float,
) -> list[ExportPart]:
    """Every service's export of the tenant, each answered 200, before a byte is sent: one that
    is down is a 503 `export-unavailable` naming it (and the others are closed), never a silently
    partial document."""
    parts: list[ExportPart] = []
    try:
        for name in services:
            parts.append(await _open_export(upstreams, signer, tenant_id, name, timeout))
    except BaseException:
        await close_exports(parts)
        raise
    return parts


async def close_exports(parts: Sequence[ExportPart]) -> None:
    """Close every part's answer (harmless twice)."""
    for part in parts:
        await part.response.aclose()


async def _open_export(
    upstreams: Mapping[str, httpx.AsyncClient],
    signer: TokenSigner,
    tenant_id: uuid.UUID,
    name: str,
    timeout: float,
) -> ExportPart:
    client = upstreams.get(name)
    if client is None:
        raise export.ExportUnavailable(f"{name} is not configured", service=name)
    token = signer.mint(gateway_acting_for(tenant_id), audience=name)
    request = client.build_request(
        "GET", export.PATH, headers={"authorization": f"Bearer {token}"}, timeout=timeout
    )
    try:
        response = await client.send(request, stream=True)
    except httpx.HTTPError as exc:
        log.warning("export part unreachable", extra={"upstream": name, "error": repr(exc)})
        raise export.ExportUnavailable(f"{name} is unreachable", service=name) from exc
    if response.status_code != 200:
        await response.aclose()
        raise export.ExportUnavailable(f"{name} answered {response.status_code}", service=name)
    return ExportPart(name, response)


def _table(model: type[Base]) -> Table:
    return Base.metadata.tables[model.__tablename__]


async def export_document(
    db: Database, tenant: RowMapping, plan: RowMapping | None, parts: Sequence[ExportPart]
) -> AsyncIterator[bytes]:
    """The tenant's export as one `kit.export` document, streamed as it is read: the gateway's
    rows (tenant, plan, users, invitations, API keys, usage; never a password, key or token
    hash), then each service's. A part that breaks off ends the transfer without the `end`
    line, so a truncated export is never taken for a whole one."""
    tenant_id: uuid.UUID = tenant["id"]
    sources = [
        (EXPORT_SOURCE, gateway_export(db, tenant, plan)),
        *((part.service, _relay_part(part)) for part in parts),
    ]
    try:
        async for chunk in export.document(tenant_id, sources, slug=tenant["slug"]):
            yield chunk
    finally:
        await close_exports(parts)


async def gateway_export(
    db: Database, tenant: RowMapping, plan: RowMapping | None
) -> AsyncIterator[bytes]:
    """The gateway's part of a tenant export (`repository.tenant_and_plan_rows` gives the rows)."""
    yield export.line(_table(Tenant), tenant, service=EXPORT_SOURCE)
    if plan is not None:
        yield export.line(_table(Plan), plan, service=EXPORT_SOURCE)
    async for row in export.export_tenant(db, Base.metadata, tenant["id"], service=EXPORT_SOURCE):
        yield row


async def _relay_part(part: ExportPart) -> AsyncIterator[bytes]:
    try:
        async for chunk in part.response.aiter_bytes():
            yield chunk
    except httpx.HTTPError:
        log.error("export part broke off", extra={"upstream": part.service}, exc_info=True)
        raise


# --- idempotency keys ----------------------------------------------------------------------

IDEMPOTENCY_PURGE_SECONDS = 3600.0


def idempotency_purge_job(db: Database) -> Job:
    """Hourly, forget the idempotency keys past their retention (`kit.idempotency`, 24 h)."""

    async def purge() -> None:
        purged = await idempotency.purge(db)
        if purged:
            log.info("idempotency keys purged", extra={"count": purged})

    return Job("idempotency-purge", IDEMPOTENCY_PURGE_SECONDS, purge)


# --- bootstrap (CLI and seeding): each is its own transaction, and idempotent ---------------


async def create_operator(db: Database, email: str, password: str) -> uuid.UUID:
    """The platform operator's account; for an existing email, reset its password and role."""
    email = normalize_email(email)
    async with db.transaction() as session:
        user = await repository.get_user_by_email(session, email)
        if user is None:
            user = await add_user(session, None, email, password, [OPERATOR])
            return user.id
        user.password_hash = await authn.hash_password(password)
        user.is_active = True
        if OPERATOR not in user.roles:
            user.roles = sorted({*user.roles, OPERATOR})
        return user.id


async def create_tenant(
    db: Database,
    slug: str,
    name: str | Mapping[str, str],
    timezone: str = "Asia/Tokyo",
    population: int | None = None,
    limits: Mapping[str, int] | None = None,
    **profile: Any,
) -> uuid.UUID:
    """A tenant with this slug, made unless it exists; a plain-string name is stored as `en`.
    `profile` takes any other `TenantCreate` field (locales, primary_social_url ...)."""
    names: dict[str, Any] = {"en": name} if isinstance(name, str) else dict(name)
    data = TenantCreate(
        slug=slug,
        name=names,
        timezone=timezone,
        population=population,
        limits=None if limits is None else dict(limits),
        **profile,
    )
    async with db.transaction() as session:
        existing = await repository.get_tenant_by_slug(session, data.slug)
        if existing is not None:
            return existing.id
        tenant, _ = await add_tenant(session, data)
        return tenant.id


async def create_user(
    db: Database,
    tenant_id: uuid.UUID,
    email: str,
    password: str,
    roles: Sequence[str],
    producer_ids: Sequence[uuid.UUID] = (),
) -> uuid.UUID:
    """A user of `tenant_id` with this email, made unless it exists (then left unchanged)."""
    email = normalize_email(email)
    async with db.transaction() as session:
        existing = await repository.get_user_by_email(session, email)
        if existing is not None:
            if existing.tenant_id != tenant_id:
                raise EmailTaken(f"{email} belongs to another tenant")
            return existing.id
        if await repository.get_tenant(session, tenant_id) is None:
            raise TenantNotFound(f"no tenant {tenant_id}")
        user = await add_user(session, tenant_id, email, password, roles, producer_ids)
        return user.id
