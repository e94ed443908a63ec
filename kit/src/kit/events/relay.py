"""The relay role: publishes outbox rows to the bus, marking them sent only after the confirm.

Rows are claimed with `FOR UPDATE SKIP LOCKED` (several relays never publish the same row at the
same time), published concurrently, and each confirmed row is marked in the same transaction.
A crash between confirm and mark republishes the row: at least once, and the inbox absorbs it.
We poll on `published_at IS NULL`, never on "id > last seen", which can skip rows that commit
out of order.

Between batches the relay sleeps until a `NOTIFY` on `outbox.CHANNEL` (sent by the commit that
wrote a row): a row is published as soon as it commits. While rows wait (a retry not yet due,
a row another relay holds) it also looks every `poll_seconds`, for what no commit announces.
With no row waiting at all it sleeps until a commit wakes it, `idle_seconds` at most (a safety
net): an idle platform costs a query every 30 s. A lost listening connection wakes it too; it
then listens again and looks at once, so nothing committed meanwhile waits.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select, update

from kit import tracing, wakeups
from kit.db import Database
from kit.events import outbox as outbox_events
from kit.events.bus import Bus, Message
from kit.events.tables import outbox
from kit.observability import (
    OUTBOX_BACKLOG,
    OUTBOX_OLDEST_AGE,
    OUTBOX_PUBLISH_FAILED,
    OUTBOX_PUBLISHED,
)

log = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 300
BACKLOG_SAMPLE_SECONDS = 5.0
IDLE_SECONDS = wakeups.IDLE_SECONDS


class Relay:
    def __init__(
        self,
        db: Database,
        bus: Bus,
        *,
        service: str,
        batch_size: int = 200,
        poll_seconds: float = 0.2,
        backlog_sample_seconds: float = BACKLOG_SAMPLE_SECONDS,
        idle_seconds: float = IDLE_SECONDS,
    ) -> None:
        self.db = db
        self.bus = bus
        self.service = service
        self.batch_size = batch_size
        self.poll_seconds = poll_seconds
        self.backlog_sample_seconds = backlog_sample_seconds
        self.idle_seconds = max(idle_seconds, poll_seconds)
        self._backlog: int | None = None  # unpublished rows at the last sample, if known
        self._wakeups = wakeups.Wakeups(db, [outbox_events.CHANNEL])
        self._woken = self._wakeups.subscribe(outbox_events.CHANNEL)

    async def run_once(self, *, sample: bool = False) -> int:
        """Publish one batch of due rows; returns how many were confirmed. With `sample`, the
        backlog gauges are set in the same transaction first (one round of the idle loop)."""
        backlog = None
        async with self.db.transaction() as session:
            if sample:
                backlog = await self._sample(session)
            self._backlog = backlog
            rows = (
                await session.execute(
                    select(outbox.c.id, outbox.c.event_type, outbox.c.envelope, outbox.c.attempts)
                    .where(outbox.c.published_at.is_(None), outbox.c.available_at <= func.now())
                    .order_by(outbox.c.occurred_at)
                    .limit(self.batch_size)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            if not rows:
                return 0
            results = await asyncio.gather(
                *(self._publish(row) for row in rows), return_exceptions=True
            )
            sent = [row.id for row, result in zip(rows, results, strict=True) if result is None]
            if backlog is not None:
                self._backlog = backlog - len(sent)
            if sent:
                await session.execute(
                    update(outbox).where(outbox.c.id.in_(sent)).values(published_at=func.now())
                )
            for row, result in zip(rows, results, strict=True):
                if isinstance(result, BaseException):
                    await self._mark_failed(session, row, result)
        OUTBOX_PUBLISHED.labels(self.service).inc(len(sent))
        return len(sent)

    async def _publish(self, row: Any) -> None:
        attributes = {"messaging.message.id": str(row.id), "machi.service": self.service}
        parent = row.envelope.get("traceparent")
        with tracing.producer_span(row.event_type, parent, attributes) as traceparent:
            await self.bus.publish(_message(row, traceparent))

    async def sample_backlog(self) -> None:
        """Set the backlog gauges: unpublished rows and the age of the oldest."""
        async with self.db.transaction() as session:
            await self._sample(session)

    async def _sample(self, session: Any) -> int:
        count, age = (
            await session.execute(
                select(
                    func.count(),
                    func.extract("epoch", func.now() - func.min(outbox.c.occurred_at)),
                ).where(outbox.c.published_at.is_(None))
            )
        ).one()
        OUTBOX_BACKLOG.labels(self.service).set(count)
        OUTBOX_OLDEST_AGE.labels(self.service).set(float(age or 0))
        return int(count)

    async def _mark_failed(self, session: Any, row: Any, error: BaseException) -> None:
        OUTBOX_PUBLISH_FAILED.labels(self.service).inc()
        backoff = min(2**row.attempts, MAX_BACKOFF_SECONDS)
        await session.execute(
            update(outbox)
            .where(outbox.c.id == row.id)
            .values(
                attempts=outbox.c.attempts + 1,
                available_at=func.now() + timedelta(seconds=backoff),
                last_error=repr(error)[:1000],
            )
        )

    async def run(self) -> None:
        """Relay until cancelled; a database or broker outage only pauses it."""
        log.info("relay started", extra={"service": self.service})
        sampled = 0.0
        try:
            while True:
                started = time.monotonic()
                await self._wakeups.listen()
                self._woken.clear()
                try:
                    sample = started - sampled >= self.backlog_sample_seconds
                    if sample:
                        sampled = started
                    sent = await self.run_once(sample=sample)
                except Exception:
                    log.exception("relay batch failed; retrying")
                    sent, self._backlog = 0, None
                    await asyncio.sleep(1)
                if sent < self.batch_size:
                    await wakeups.wait(self._woken, self._pause() - (time.monotonic() - started))
        finally:
            await self._wakeups.close()

    def _pause(self) -> float:
        """The poll while rows wait (or when that is not known, or nobody listens), else the
        idle safety net."""
        if self._backlog == 0 and self._wakeups.listening:
            return self.idle_seconds
        return self.poll_seconds


def _message(row: Any, traceparent: str | None = None) -> Message:
    envelope = row.envelope
    headers = {"tenant_id": str(envelope.get("tenant_id", ""))}
    # The publish span's context when tracing is on; else the writer's, for a tracing consumer.
    traceparent = traceparent or envelope.get("traceparent")
    if traceparent:
        headers[tracing.TRACEPARENT] = traceparent
    return Message(
        id=str(row.id),
        routing_key=row.event_type,
        body=json.dumps(envelope, separators=(",", ":")).encode(),
        headers=headers,
    )
