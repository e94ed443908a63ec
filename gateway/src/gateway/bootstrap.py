"""The platform's first accounts and towns, for the CLI and the demo seed: each call is its own
transaction (its own boundary), and idempotent."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from gateway import authn
from gateway.errors import EmailTaken, TenantNotFound
from gateway.schemas import normalize_email
from gateway.tenants import repository as tenants_repo
from gateway.tenants import service as tenants
from gateway.tenants.schemas import TenantCreate
from gateway.users import repository as users_repo
from gateway.users import service as users
from kit import policy
from kit.db import Database


async def create_operator(db: Database, email: str, password: str) -> uuid.UUID:
    """The platform operator's account; for an existing email, reset its password and role."""
    email = normalize_email(email)
    async with db.transaction() as session:
        user = await users_repo.get_user_by_email(session, email)
        if user is None:
            user = await users.add_user(session, None, email, password, [policy.OPERATOR])
            return user.id
        user.password_hash = await authn.hash_password(password)
        user.is_active = True
        if policy.OPERATOR not in user.roles:
            user.roles = sorted({*user.roles, policy.OPERATOR})
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
        existing = await tenants_repo.get_tenant_by_slug(session, data.slug)
        if existing is not None:
            return existing.id
        tenant, _ = await tenants.add_tenant(session, data)
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
        existing = await users_repo.get_user_by_email(session, email)
        if existing is not None:
            if existing.tenant_id != tenant_id:
                raise EmailTaken(f"{email} belongs to another tenant")
            return existing.id
        if await tenants_repo.get_tenant(session, tenant_id) is None:
            raise TenantNotFound(f"no tenant {tenant_id}")
        user = await users.add_user(session, tenant_id, email, password, roles, producer_ids)
        return user.id
