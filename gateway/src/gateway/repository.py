"""Every gateway query. No commits here: the boundary commits.

These tables have no row-level security, so each query on a tenant's rows takes that tenant
explicitly; only the lookups that identify a caller (email, token hash, key prefix) cross tenants.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import RowMapping, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.models import ApiKey, Invitation, Plan, RefreshToken, Tenant, UsageCount, User
from kit.pagination import paginate

# `last_used_at` is for humans auditing keys: one write per key a minute is precise enough.
KEY_USE_RESOLUTION = timedelta(minutes=1)


async def get_tenant(session: AsyncSession, tenant_id: uuid.UUID) -> Tenant | None:
    return await session.get(Tenant, tenant_id)


async def get_tenant_by_slug(session: AsyncSession, slug: str) -> Tenant | None:
    found = await session.execute(select(Tenant).where(Tenant.slug == slug))
    return found.scalar_one_or_none()


async def get_tenant_and_plan(
    session: AsyncSession, tenant_id: uuid.UUID
) -> tuple[Tenant, Plan | None] | None:
    found = await session.execute(
        select(Tenant, Plan).outerjoin(Plan, Tenant.plan == Plan.name).where(Tenant.id == tenant_id)
    )
    row = found.first()
    return None if row is None else (row[0], row[1])


async def list_tenants(session: AsyncSession) -> list[Tenant]:
    found = await session.execute(select(Tenant).order_by(Tenant.slug))
    return list(found.scalars().all())


async def list_tenants_on_plan(session: AsyncSession, plan: str) -> list[Tenant]:
    found = await session.execute(select(Tenant).where(Tenant.plan == plan))
    return list(found.scalars().all())


async def get_plan(session: AsyncSession, name: str) -> Plan | None:
    return await session.get(Plan, name)


async def list_plans(session: AsyncSession) -> list[Plan]:
    found = await session.execute(select(Plan).order_by(Plan.name))
    return list(found.scalars().all())


async def count_active_users(session: AsyncSession, tenant_id: uuid.UUID) -> int:
    found = await session.execute(
        select(func.count())
        .select_from(User)
        .where(User.tenant_id == tenant_id, User.is_active.is_(True))
    )
    return int(found.scalar_one())


async def get_user(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    return await session.get(User, user_id)


async def get_user_by_email(session: AsyncSession, email: str) -> User | None:
    found = await session.execute(select(User).where(User.email == email))
    return found.scalar_one_or_none()


async def get_user_by_email_for_update(session: AsyncSession, email: str) -> User | None:
    """The user, locked: concurrent wrong passwords count one by one."""
    found = await session.execute(select(User).where(User.email == email).with_for_update())
    return found.scalar_one_or_none()


async def get_user_and_tenant(
    session: AsyncSession, user_id: uuid.UUID
) -> tuple[User, Tenant | None, Plan | None] | None:
    """A user, their tenant (None for operators) and its plan, in one query."""
    found = await session.execute(
        select(User, Tenant, Plan)
        .outerjoin(Tenant, User.tenant_id == Tenant.id)
        .outerjoin(Plan, Tenant.plan == Plan.name)
        .where(User.id == user_id)
    )
    row = found.first()
    return None if row is None else (row[0], row[1], row[2])


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
) -> tuple[ApiKey, Tenant, Plan | None] | None:
    found = await session.execute(
        select(ApiKey, Tenant, Plan)
        .join(Tenant, ApiKey.tenant_id == Tenant.id)
        .outerjoin(Plan, Tenant.plan == Plan.name)
        .where(ApiKey.prefix == prefix)
    )
    row = found.first()
    return None if row is None else (row[0], row[1], row[2])


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


async def get_invitation_for_update(session: AsyncSession, token_hash: str) -> Invitation | None:
    """The invitation, locked: two concurrent acceptances cannot both succeed."""
    found = await session.execute(
        select(Invitation).where(Invitation.token_hash == token_hash).with_for_update()
    )
    return found.scalar_one_or_none()


async def add_usage(session: AsyncSession, counts: dict[tuple[uuid.UUID, str], int]) -> None:
    """Add request counts per (tenant, month) in one statement per row (upsert)."""
    for (tenant_id, month), calls in counts.items():
        statement = insert(UsageCount).values(tenant_id=tenant_id, month=month, api_calls=calls)
        await session.execute(
            statement.on_conflict_do_update(
                index_elements=[UsageCount.tenant_id, UsageCount.month],
                set_={"api_calls": UsageCount.api_calls + statement.excluded.api_calls},
            )
        )


async def usage_of_month(session: AsyncSession, month: str) -> dict[uuid.UUID, int]:
    """API calls of every tenant in `month`."""
    found = await session.execute(
        select(UsageCount.tenant_id, UsageCount.api_calls).where(UsageCount.month == month)
    )
    return {row[0]: int(row[1]) for row in found.all()}


async def tenant_and_plan_rows(
    session: AsyncSession, tenant_id: uuid.UUID
) -> tuple[RowMapping, RowMapping | None] | None:
    """The tenant's row and its plan's row, every column (for an export)."""
    tenant = (
        (await session.execute(select(Tenant.__table__).where(Tenant.id == tenant_id)))
        .mappings()
        .first()
    )
    if tenant is None:
        return None
    plan = (
        (await session.execute(select(Plan.__table__).where(Plan.name == tenant["plan"])))
        .mappings()
        .first()
    )
    return tenant, plan
