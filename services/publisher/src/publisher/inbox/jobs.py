"""The worker's side of the inbox: stored webhook events become conversations and messages.

Each event is handled in its own tenant's transaction, locked with SKIP LOCKED so two workers
never thread the same event; a failing event is retried on later runs and parked as `failed`
after a few tries, without holding up the others. Message text never reaches the logs."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime

from kit.db import Database
from publisher.inbox import repository as inbox_repo
from publisher.inbox import service

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


async def ingest_once(db: Database, batch: int = 200) -> int:
    """Thread the pending events of every town (the job's body); how many were handled."""
    async with db.transaction() as session:
        pending = await inbox_repo.pending_events(session, batch)
    handled = 0
    for event_id, tenant_id in pending:
        try:
            handled += await _ingest(db, event_id, tenant_id)
        except Exception as exc:  # one bad event must not stop the others
            log.warning(
                "inbox event not threaded",
                extra={"event": str(event_id), "error": type(exc).__name__},
            )
            await _failed(db, event_id, tenant_id, type(exc).__name__)
    return handled


async def waiting_since(db: Database) -> datetime | None:
    """When the oldest event still pending was received (the ingest job's `due`: one that
    failed is tried again)."""
    async with db.transaction() as session:
        return await inbox_repo.events_waiting_since(session)


async def _ingest(db: Database, event_id: uuid.UUID, tenant_id: uuid.UUID) -> int:
    async with db.transaction(tenant_id) as session:
        event = await inbox_repo.claim_event(session, event_id)
        if event is None:
            return 0
        event.state = await service.handle(session, event)
        event.attempts += 1
        event.handled_at = datetime.now(UTC)
        return 1


async def _failed(db: Database, event_id: uuid.UUID, tenant_id: uuid.UUID, error: str) -> None:
    async with db.transaction(tenant_id) as session:
        event = await inbox_repo.claim_event(session, event_id)
        if event is None:
            return
        event.attempts += 1
        event.error = error
        if event.attempts >= MAX_ATTEMPTS:
            event.state = "failed"


async def purge_once(db: Database) -> int:
    """Delete citizens' messages past each town's retention (the daily job's body)."""
    async with db.transaction() as session:
        gone = await inbox_repo.purge_expired(session, service.DEFAULT_RETENTION_DAYS)
    log.info("inbox retention", extra={"deleted": gone})
    return gone
