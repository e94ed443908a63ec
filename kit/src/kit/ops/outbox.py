"""The outbox backlog of one service database (kit.events.tables.outbox), for ops."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Interval, func, select, type_coerce
from sqlalchemy.ext.asyncio import AsyncConnection

from kit.events.tables import outbox


@dataclass(frozen=True)
class OutboxStatus:
    """Pending rows, the oldest one's age, rows that failed at least once, sent in the last hour."""

    pending: int
    oldest_pending_age: timedelta | None
    failing: int
    sent_last_hour: int


async def status(conn: AsyncConnection) -> OutboxStatus:
    """One query over the outbox (it sits outside row-level security: all tenants)."""
    pending = outbox.c.published_at.is_(None)
    now = func.now()
    query = select(
        func.count().filter(pending),
        type_coerce(now - func.min(outbox.c.occurred_at).filter(pending), Interval),
        func.count().filter(pending & (outbox.c.attempts > 0)),
        func.count().filter(outbox.c.published_at > now - timedelta(hours=1)),
    )
    row = (await conn.execute(query)).one()
    return OutboxStatus(
        pending=row[0], oldest_pending_age=row[1], failing=row[2], sent_last_hour=row[3]
    )
