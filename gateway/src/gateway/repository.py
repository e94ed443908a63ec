"""Every gateway query. No commits here: the boundary commits.

These tables have no row-level security, so each query on a tenant's rows takes that tenant
explicitly; only the lookups that identify a caller (email, token hash, key prefix) cross tenants.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.models import ApiKey, RefreshToken, Tenant, User
from kit.pagination import paginate

# `last_used_at` is for humans auditing keys: one write per key a minute is precise enough.
KEY_USE_RESOLUTION = timedelta(minutes=1)


async def get_tenant(session: AsyncSession, tenant_id: uuid.UUID) -> Tenant | None:
    return await session.get(Tenant, tenant_id)


async def get_tenant_by_slug(session: AsyncSession, slug: str) -> Tenant | None:
    found = await session.execute(select(Tenant).where(Tenant.slug == slug))
    return found.scalar_one_or_none()


async def get_user(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    return await session.get(User, user_id)


async def get_user_by_email(session: AsyncSession, email: str) -> User | None:
    found = await session.execute(select(User).where(User.email == email))
    return found.scalar_one_or_none()


async def get_user_and_tenant(
    session: AsyncSession, user_id: uuid.UUID
) -> tuple[User, Tenant | None] | None:
    """A user and their tenant (None for operators), in one query."""
    found = await session.execute(
        select(User, Tenant)
        .outerjoin(Tenant, User.tenant_id == Tenant.id)
        .where(User.id == user_id)
    )
    row = found.first()
    return None if row is None else (row[0], row[1])


async def get_refresh_token_for_update(
    session: AsyncSession, token_hash: str
) -> RefreshToken | None:
    """The token row, locked: two concurrent rotations of one token cannot both succeed."""
    found = await session.execute(
        select(RefreshToken).where(RefreshToken.token_hash == token_hash).with_for_update()
    )
    return found.scalar_one_or_none()


async def revoke_refresh_family(session: AsyncSession, family_id: uuid.UUID, at: datetime) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=at)
    )


async def get_api_key_and_tenant(
    session: AsyncSession, prefix: str
) -> tuple[ApiKey, Tenant] | None:
    found = await session.execute(
        select(ApiKey, Tenant)
        .join(Tenant, ApiKey.tenant_id == Tenant.id)
        .where(ApiKey.prefix == prefix)
    )
    row = found.first()
    return None if row is None else (row[0], row[1])


async def api_key_prefix_exists(session: AsyncSession, prefix: str) -> bool:
    found = await session.execute(select(ApiKey.id).where(ApiKey.prefix == prefix))
    return found.first() is not None


async def touch_api_key(session: AsyncSession, key_id: uuid.UUID, at: datetime) -> None:
    await session.execute(
        update(ApiKey)
        .where(
            ApiKey.id == key_id,
            or_(ApiKey.last_used_at.is_(None), ApiKey.last_used_at < at - KEY_USE_RESOLUTION),
        )
        .values(last_used_at=at)
    )


async def get_api_key(
    session: AsyncSession, tenant_id: uuid.UUID, key_id: uuid.UUID
) -> ApiKey | None:
    found = await session.execute(
        select(ApiKey).where(ApiKey.id == key_id, ApiKey.tenant_id == tenant_id)
    )
    return found.scalar_one_or_none()


async def list_api_keys(
    session: AsyncSession, tenant_id: uuid.UUID, *, cursor: str | None, limit: int
) -> tuple[list[ApiKey], str | None]:
    statement = select(ApiKey).where(ApiKey.tenant_id == tenant_id)
    return await paginate(session, statement, ApiKey, cursor=cursor, limit=limit)
