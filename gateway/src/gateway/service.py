"""Gateway use cases: logins, token rotation, tenants, users, API keys. Never commits, except
the bootstrap functions at the bottom, which are their own boundary (the CLI calls them).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from gateway import authn, repository
from gateway.authn import Authenticator
from gateway.errors import (
    ApiKeyNotFound,
    EmailTaken,
    InvalidCredentials,
    SlugTaken,
    TenantNotFound,
)
from gateway.models import ApiKey, RefreshToken, Tenant, User
from gateway.schemas import (
    ROLES,
    ApiKeyCreate,
    MeRead,
    TenantCreate,
    TenantUpdate,
    TokenRead,
    UserCreate,
    normalize_email,
)
from kit.auth import InternalPrincipal
from kit.db import Database
from kit.errors import Forbidden, InvalidInput

log = logging.getLogger(__name__)

OPERATOR = "operator"
ADMIN = "admin"
DEFAULT_LIMITS: dict[str, int] = {"active_products": 500}
PREFIX_ATTEMPTS = 5
CLEARABLE_TENANT_FIELDS = frozenset({"population"})


# --- who may do what -----------------------------------------------------------------------


def _require_operator(caller: InternalPrincipal) -> None:
    if not caller.has_role(OPERATOR):
        raise Forbidden("only the platform operator may do this")


def _require_tenant_admin(caller: InternalPrincipal) -> uuid.UUID:
    if caller.tenant_id is None or not caller.has_role(ADMIN):
        raise Forbidden("needs the admin role in a tenant")
    return caller.tenant_id


def _visible_tenant(caller: InternalPrincipal, tenant_id: uuid.UUID) -> None:
    # Another tenant's id answers like a missing one: ids are not confirmed to outsiders.
    if not caller.has_role(OPERATOR) and caller.tenant_id != tenant_id:
        raise TenantNotFound(f"no tenant {tenant_id}")


# --- tokens --------------------------------------------------------------------------------


async def _issue_tokens(
    session: AsyncSession, auth: Authenticator, principal: InternalPrincipal, family: uuid.UUID
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
    )


async def login(session: AsyncSession, auth: Authenticator, email: str, password: str) -> TokenRead:
    """A new token pair (and refresh-token family) for a correct email and password."""
    user = await repository.get_user_by_email(session, email)
    if user is None:
        await authn.spend_password_check(password)
        raise InvalidCredentials()
    if not user.is_active or not await authn.verify_password(user.password_hash, password):
        raise InvalidCredentials()
    if authn.needs_rehash(user.password_hash):
        user.password_hash = await authn.hash_password(password)
    tenant = await repository.get_tenant(session, user.tenant_id) if user.tenant_id else None
    principal = authn.principal_for_user(user, tenant)
    return await _issue_tokens(session, auth, principal, family=uuid.uuid4())


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
    return await _issue_tokens(session, auth, principal, family=row.family_id)


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
    )


# --- tenants -------------------------------------------------------------------------------


async def add_tenant(session: AsyncSession, data: TenantCreate) -> Tenant:
    if await repository.get_tenant_by_slug(session, data.slug) is not None:
        raise SlugTaken(f"a tenant already uses the slug {data.slug!r}")
    tenant = Tenant(
        slug=data.slug,
        name=data.name,
        timezone=data.timezone,
        population=data.population,
        plan=data.plan,
        limits=dict(DEFAULT_LIMITS) if data.limits is None else data.limits,
        status="active",
    )
    session.add(tenant)
    await session.flush()
    await session.refresh(tenant)
    return tenant


async def open_tenant(
    session: AsyncSession, caller: InternalPrincipal, data: TenantCreate
) -> Tenant:
    """Onboard a municipality (operator only)."""
    _require_operator(caller)
    return await add_tenant(session, data)


async def get_tenant(
    session: AsyncSession, caller: InternalPrincipal, tenant_id: uuid.UUID
) -> Tenant:
    """A tenant, to the operator or its own members."""
    _visible_tenant(caller, tenant_id)
    tenant = await repository.get_tenant(session, tenant_id)
    if tenant is None:
        raise TenantNotFound(f"no tenant {tenant_id}")
    return tenant


async def update_tenant(
    session: AsyncSession, caller: InternalPrincipal, tenant_id: uuid.UUID, data: TenantUpdate
) -> Tenant:
    """Change a tenant's plan, quotas or status (operator only)."""
    _require_operator(caller)
    tenant = await get_tenant(session, caller, tenant_id)
    for field, value in data.model_dump(exclude_unset=True).items():
        if value is not None or field in CLEARABLE_TENANT_FIELDS:
            setattr(tenant, field, value)
    await session.flush()
    return tenant


# --- users ---------------------------------------------------------------------------------


async def add_user(
    session: AsyncSession,
    tenant_id: uuid.UUID | None,
    email: str,
    password: str,
    roles: Sequence[str],
    producer_ids: Sequence[uuid.UUID] = (),
) -> User:
    unknown = set(roles) - ROLES
    if unknown:
        raise InvalidInput(f"unknown roles: {', '.join(sorted(unknown))}")
    if (OPERATOR in roles) != (tenant_id is None):
        raise InvalidInput("operators belong to no tenant; everyone else to one")
    if await repository.get_user_by_email(session, email) is not None:
        raise EmailTaken(f"{email} is already registered")
    user = User(
        tenant_id=tenant_id,
        email=email,
        password_hash=await authn.hash_password(password),
        roles=sorted(set(roles)),
        producer_ids=[str(p) for p in producer_ids],
        is_active=True,
    )
    session.add(user)
    await session.flush()
    await session.refresh(user)
    return user


async def register_user(session: AsyncSession, caller: InternalPrincipal, data: UserCreate) -> User:
    """Add a user to the caller's tenant (admin), or to any tenant (operator)."""
    if caller.has_role(OPERATOR):
        tenant_id = data.tenant_id
        if tenant_id is not None and await repository.get_tenant(session, tenant_id) is None:
            raise TenantNotFound(f"no tenant {tenant_id}")
    else:
        tenant_id = _require_tenant_admin(caller)
        if data.tenant_id not in (None, tenant_id):
            raise TenantNotFound(f"no tenant {data.tenant_id}")
        if OPERATOR in data.roles:
            raise Forbidden("only the operator grants the operator role")
    return await add_user(
        session, tenant_id, data.email, data.password, data.roles, data.producer_ids
    )


# --- API keys ------------------------------------------------------------------------------


async def issue_api_key(
    session: AsyncSession, caller: InternalPrincipal, data: ApiKeyCreate
) -> tuple[ApiKey, str]:
    """A new key for the caller's tenant, and its token (shown once)."""
    tenant_id = _require_tenant_admin(caller)
    if OPERATOR in data.roles:
        raise Forbidden("an API key cannot be an operator")
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
) -> uuid.UUID:
    """A tenant with this slug, made unless it exists; a plain-string name is stored as `en`."""
    names: dict[str, Any] = {"en": name} if isinstance(name, str) else dict(name)
    data = TenantCreate(
        slug=slug,
        name=names,
        timezone=timezone,
        population=population,
        limits=None if limits is None else dict(limits),
    )
    async with db.transaction() as session:
        existing = await repository.get_tenant_by_slug(session, data.slug)
        if existing is not None:
            return existing.id
        return (await add_tenant(session, data)).id


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
