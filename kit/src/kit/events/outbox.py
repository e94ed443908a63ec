"""Transactional outbox: events are rows written in the business transaction.

`add` inserts into the caller's session, which only the boundary commits, so an event exists
exactly when its change does. The relay (`kit.events.relay`) publishes the rows afterwards; the
first `add` of a transaction also queues a `NOTIFY` on `CHANNEL` (`kit.wakeups`), in the same
statement as its row, which PostgreSQL delivers at commit (never for a rolled-back transaction),
so the relay wakes then instead of polling.
https://microservices.io/patterns/data/transactional-outbox.html
"""

from __future__ import annotations

import uuid

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from kit import tenancy, wakeups
from kit.events.envelope import Envelope, EventPayload
from kit.events.tables import outbox

SOURCE_KEY = "service"
ACTOR_KEY = "actor"
CHANNEL = "machi_outbox"  # per database, hence per service


async def add(
    session: AsyncSession,
    payload: EventPayload,
    *,
    tenant_id: uuid.UUID | None = None,
    actor: str | None = None,
    correlation_id: uuid.UUID | None = None,
) -> Envelope[EventPayload]:
    """Record `payload` as an event of the session's tenant, to be published after commit."""
    tenant = tenant_id or tenancy.current_tenant(session)
    if tenant is None:
        raise tenancy.TenantNotSet("an event needs a tenant")
    envelope: Envelope[EventPayload] = Envelope(
        type=payload.event_type,
        source=str(session.info.get(SOURCE_KEY, "unknown")),
        tenant_id=tenant,
        actor=actor or session.info.get(ACTOR_KEY),
        correlation_id=correlation_id,
        payload=payload,
    )
    statement = insert(outbox).values(
        id=envelope.id,
        event_type=envelope.type,
        tenant_id=tenant,
        envelope=envelope.model_dump(mode="json"),
        occurred_at=envelope.occurred_at,
    )
    if wakeups.due(session, CHANNEL):
        statement = statement.returning(wakeups.notification(CHANNEL))  # the one row: one NOTIFY
    await session.execute(statement)
    return envelope
