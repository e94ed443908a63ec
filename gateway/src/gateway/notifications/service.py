"""Notifications: notices made from events for the people who must act, read in the console
and sent by mail.

A channel that needs re-authorization (`publisher.channel.needs_reauth.v1`, sent once per
transition to that state) becomes one notice for each of the town's admins and for the staff
member whose own account it is. The consumer's inbox drops a redelivered event, and a notice
is unique per (person, event), so one transition is one notice per person.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.publisher import ChannelNeedsReauthV1
from gateway.notifications import repository
from gateway.notifications.models import Notification
from gateway.notifications.schemas import NotificationPage, NotificationRead
from kit.auth import InternalPrincipal
from kit.errors import NotFound

NEEDS_REAUTH = "channel.needs_reauth"


def _owner(payload: ChannelNeedsReauthV1) -> uuid.UUID | None:
    if payload.owner_kind != "staff" or not payload.owner_user:
        return None
    try:
        return uuid.UUID(payload.owner_user)
    except ValueError:  # an owner named some other way than by user id: the admins suffice
        return None


async def on_channel_needs_reauth(
    session: AsyncSession, tenant_id: uuid.UUID, event_id: uuid.UUID, payload: ChannelNeedsReauthV1
) -> int:
    """A notice for each admin of the town and for the channel's owner; how many were made."""
    people = {user.id for user in await repository.town_admins(session, tenant_id)}
    owner = _owner(payload)
    if owner is not None and await repository.active_user(session, tenant_id, owner):
        people.add(owner)
    data = {
        "channel_id": str(payload.channel_id),
        "platform": payload.platform,
        "name": payload.name,
        "reason": payload.reason,
        "owner_user": str(owner) if owner else None,
    }
    rows: list[dict[str, Any]] = [
        {
            "id": uuid.uuid4(),
            "tenant_id": tenant_id,
            "user_id": person,
            "event_id": event_id,
            "kind": NEEDS_REAUTH,
            "data": data,
        }
        for person in sorted(people)
    ]
    return await repository.add(session, rows)


def _person(who: InternalPrincipal) -> uuid.UUID:
    """The user whose notices these are (an API key has none of its own: its id finds none)."""
    try:
        return uuid.UUID(who.sub)
    except ValueError:
        return uuid.UUID(int=0)


async def page(
    session: AsyncSession, who: InternalPrincipal, *, unread: bool, cursor: str | None, limit: int
) -> NotificationPage:
    person = _person(who)
    rows, next_cursor = await repository.page(
        session, person, unread=unread, cursor=cursor, limit=limit
    )
    return NotificationPage(
        items=[NotificationRead.model_validate(row) for row in rows],
        next_cursor=next_cursor,
        unread=await repository.unread_count(session, person),
    )


async def mark_read(
    session: AsyncSession, who: InternalPrincipal, notification_id: uuid.UUID
) -> Notification:
    """Mark one of the caller's notices read (again: no change); someone else's is 404."""
    notice = await repository.get(session, _person(who), notification_id)
    if notice is None:
        raise NotFound(f"no notification {notification_id}")
    if notice.read_at is None:
        notice.read_at = datetime.now(UTC)
        await session.flush()
    return notice


async def mark_all_read(session: AsyncSession, who: InternalPrincipal) -> int:
    return await repository.mark_all_read(session, _person(who), datetime.now(UTC))
