"""Inbox: a consumer handles each event id once.

The `(consumer, event_id)` row is written in the handler's own transaction, so either both the
effect and the row commit, or neither does and the redelivery is handled afresh.
https://microservices.io/patterns/communication-style/idempotent-consumer.html
"""

from __future__ import annotations

import uuid

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from kit.events.tables import inbox


async def claim(session: AsyncSession, consumer: str, event_id: uuid.UUID) -> bool:
    """True if this consumer has not handled `event_id` before (and now owns it)."""
    result = await session.execute(
        insert(inbox)
        .values(consumer=consumer, event_id=event_id)
        .on_conflict_do_nothing()
        .returning(inbox.c.event_id)
    )
    return result.first() is not None


async def claim_many(
    session: AsyncSession, consumer: str, event_ids: list[uuid.UUID]
) -> set[uuid.UUID]:
    """The ids among `event_ids` this consumer has not handled before (and now owns), in one
    statement; rows go in id order, so two workers claiming overlapping sets never deadlock."""
    if not event_ids:
        return set()
    result = await session.execute(
        insert(inbox)
        .values([{"consumer": consumer, "event_id": i} for i in sorted(set(event_ids))])
        .on_conflict_do_nothing()
        .returning(inbox.c.event_id)
    )
    return set(result.scalars())
