"""Queries of the user lifecycle: lists, sessions, keys, reset tokens, recovery codes.

No commits here: the boundary commits. Users have no row-level security, so every query on a
town's users takes the town explicitly.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.api_keys.models import ApiKey
from gateway.auth.models import RefreshToken
from gateway.plans.models import Plan
from gateway.tenants.models import Tenant
from gateway.users.models import Invitation, PasswordReset, RecoveryCode, User
from kit.pagination import paginate


async def list_users(
    session: AsyncSession, tenant_id: uuid.UUID | None, *, cursor: str | None, limit: int
) -> tuple[list[User], str | None]:
    """A town's users (None: every user, operators included), newest first."""
    statement = select(User)
    if tenant_id is not None:
        statement = statement.where(User.tenant_id == tenant_id)
    return await paginate(session, statement, User, cursor=cursor, limit=limit)


async def get_user_for_update(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    """The user, locked: a code or a status change is decided against one version of it."""
    found = await session.execute(select(User).where(User.id == user_id).with_for_update())
    return found.scalar_one_or_none()


async def revoke_refresh_tokens(
    session: AsyncSession, user_id: uuid.UUID, at: datetime, family_id: uuid.UUID | None = None
) -> None:
    """Revoke every refresh token of the user (or of one of its families)."""
    statement = update(RefreshToken).where(
        RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None)
    )
    if family_id is not None:
        statement = statement.where(RefreshToken.family_id == family_id)
    await session.execute(statement.values(revoked_at=at))


async def get_refresh_token(session: AsyncSession, token_hash: str) -> RefreshToken | None:
    found = await session.execute(select(RefreshToken).where(RefreshToken.token_hash == token_hash))
    return found.scalar_one_or_none()


async def revoke_api_keys_of(session: AsyncSession, user_id: uuid.UUID, at: datetime) -> int:
    """Revoke the keys the user made; how many were live."""
    found = await session.execute(
        update(ApiKey)
        .where(ApiKey.user_id == user_id, ApiKey.revoked_at.is_(None))
        .values(revoked_at=at)
        .returning(ApiKey.id)
    )
    return len(found.all())


async def add_password_reset(session: AsyncSession, reset: PasswordReset) -> None:
    session.add(reset)
    await session.flush()


async def get_password_reset_for_update(
    session: AsyncSession, token_hash: str
) -> PasswordReset | None:
    """The reset, locked: two concurrent uses of one token cannot both succeed."""
    found = await session.execute(
        select(PasswordReset).where(PasswordReset.token_hash == token_hash).with_for_update()
    )
    return found.scalar_one_or_none()


async def spend_password_resets(session: AsyncSession, user_id: uuid.UUID, at: datetime) -> None:
    """Mark every open reset of the user used (after a reset or a password change)."""
    await session.execute(
        update(PasswordReset)
        .where(PasswordReset.user_id == user_id, PasswordReset.used_at.is_(None))
        .values(used_at=at)
    )


async def replace_recovery_codes(
    session: AsyncSession, user_id: uuid.UUID, hashes: list[str]
) -> None:
    await delete_recovery_codes(session, user_id)
    session.add_all(RecoveryCode(user_id=user_id, code_hash=h) for h in hashes)
    await session.flush()


async def delete_recovery_codes(session: AsyncSession, user_id: uuid.UUID) -> None:
    await session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user_id))


async def spend_recovery_code(
    session: AsyncSession, user_id: uuid.UUID, code_hash: str, at: datetime
) -> bool:
    """Mark the user's unused code with this hash used; False when there is none."""
    found = await session.execute(
        update(RecoveryCode)
        .where(
            RecoveryCode.user_id == user_id,
            RecoveryCode.code_hash == code_hash,
            RecoveryCode.used_at.is_(None),
        )
        .values(used_at=at)
        .returning(RecoveryCode.id)
    )
    return found.first() is not None


async def delete_password_resets(session: AsyncSession, user_id: uuid.UUID) -> None:
    await session.execute(delete(PasswordReset).where(PasswordReset.user_id == user_id))


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


async def get_invitation_for_update(session: AsyncSession, token_hash: str) -> Invitation | None:
    """The invitation, locked: two concurrent acceptances cannot both succeed."""
    found = await session.execute(
        select(Invitation).where(Invitation.token_hash == token_hash).with_for_update()
    )
    return found.scalar_one_or_none()
