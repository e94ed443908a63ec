"""Every query of the notifications; each filters by the person (and so by their town)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.notifications.models import Notification
from gateway.users.models import User
from kit import wakeups
from kit.pagination import paginate

MAIL_CHANNEL = "gateway_notification_mail"  # NOTIFYed by commits that make notices to mail


async def town_admins(session: AsyncSession, tenant_id: uuid.UUID) -> list[User]:
    """The town's active admins."""
    statement = select(User).where(
        User.tenant_id == tenant_id,
        User.is_active.is_(True),
        User.deleted_at.is_(None),
        User.roles.contains(["admin"]),
    )
    return list((await session.execute(statement)).scalars())


async def active_user(
    session: AsyncSession, tenant_id: uuid.UUID, user_id: uuid.UUID
) -> User | None:
    statement = select(User).where(
        User.id == user_id,
        User.tenant_id == tenant_id,
        User.is_active.is_(True),
        User.deleted_at.is_(None),
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def add(session: AsyncSession, rows: list[dict[str, Any]]) -> int:
    """Insert notices; one a person already has for the same event is left as it is."""
    if not rows:
        return 0
    statement = (
        insert(Notification)
        .values(rows)
        .on_conflict_do_nothing(index_elements=[Notification.user_id, Notification.event_id])
    )
    result = await session.execute(statement.returning(Notification.id))
    made = len(result.all())
    if made:
        await wakeups.notify(session, MAIL_CHANNEL)
    return made


async def page(
    session: AsyncSession, user_id: uuid.UUID, *, unread: bool, cursor: str | None, limit: int
) -> tuple[list[Notification], str | None]:
    """The person's notices, newest first."""
    statement = select(Notification).where(Notification.user_id == user_id)
    if unread:
        statement = statement.where(Notification.read_at.is_(None))
    return await paginate(session, statement, Notification, cursor=cursor, limit=limit)


async def unread_count(session: AsyncSession, user_id: uuid.UUID) -> int:
    statement = select(func.count()).where(
        Notification.user_id == user_id, Notification.read_at.is_(None)
    )
    return int((await session.execute(statement)).scalar_one())


async def get(
    session: AsyncSession, user_id: uuid.UUID, notification_id: uuid.UUID
) -> Notification | None:
    statement = select(Notification).where(
        Notification.id == notification_id, Notification.user_id == user_id
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def mark_all_read(session: AsyncSession, user_id: uuid.UUID, at: datetime) -> int:
    statement = (
        update(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=at)
        .returning(Notification.id)
    )
    return len((await session.execute(statement)).all())


async def claim_mail(
    session: AsyncSession, now: datetime, lease_until: datetime, limit: int
) -> list[tuple[Notification, User]]:
    """Notices whose mail is due, every town's, leased until `lease_until` so another mailer
    leaves them alone meanwhile."""
    statement = (
        select(Notification, User)
        .join(User, User.id == Notification.user_id)
        .where(
            Notification.mail_status == "pending",
            func.coalesce(Notification.mail_next_at, Notification.created_at) <= now,
        )
        .order_by(Notification.created_at)
        .limit(limit)
        .with_for_update(of=Notification, skip_locked=True)
    )
    claimed = [(row[0], row[1]) for row in (await session.execute(statement)).all()]
    if claimed:
        await session.execute(
            update(Notification)
            .where(Notification.id.in_([n.id for n, _ in claimed]))
            .values(mail_next_at=lease_until, mail_attempts=Notification.mail_attempts + 1)
        )
    return claimed


async def next_mail_due(session: AsyncSession) -> datetime | None:
    """When the earliest notice's mail not due yet comes due (a retry, or the end of a lease
    whose mailer died), every town's; None when none waits."""
    statement = select(
        func.min(func.coalesce(Notification.mail_next_at, Notification.created_at))
    ).where(Notification.mail_status == "pending")
    return (await session.execute(statement)).scalar_one()


async def record_mail(
    session: AsyncSession, notification_id: uuid.UUID, values: dict[str, Any]
) -> None:
    await session.execute(
        update(Notification).where(Notification.id == notification_id).values(**values)
    )
