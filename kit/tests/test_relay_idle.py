"""An idle relay sleeps until a commit wakes it; rows waiting for a retry keep it polling."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg

from kit.db import Database
from kit.events.bus import Message
from kit.events.memory import MemoryBus
from kit.events.relay import Relay
from kit.testing.statements import statements_sent
from kit.testing.waiting import eventually

from .test_outbox_inbox import write_note


class RecordingBus(MemoryBus):
    """Keeps what it was given; with `refuse_first`, refuses its first publish, as a broker
    that is away for a moment."""

    def __init__(self, *, refuse_first: bool = False) -> None:
        super().__init__()
        self.refuse_first = refuse_first
        self.refused = 0
        self.published: list[Message] = []

    async def publish(self, message: Message) -> None:
        if self.refuse_first and not self.refused:
            self.refused += 1
            raise ConnectionError("broker away")
        self.published.append(message)

    def carried(self, note_id: uuid.UUID) -> bool:
        return any(str(note_id) in m.body.decode() for m in self.published)


async def test_an_idle_relay_sends_no_query_until_a_commit_wakes_it(
    kit_db: Database, owner: asyncpg.Connection
) -> None:
    await owner.execute("UPDATE outbox SET published_at = now() WHERE published_at IS NULL")
    db = Database(kit_db.engine.url, pool_size=2)
    bus = RecordingBus()
    relay = Relay(db, bus, service="kittest", poll_seconds=0.05, idle_seconds=60)
    try:
        with statements_sent(db) as seen:
            task = asyncio.create_task(relay.run())
            try:
                await asyncio.sleep(1.5)  # thirty polls' worth
                assert len(seen) <= 2, seen  # one look at the start: the backlog, then due rows
                note_id = await write_note(kit_db, uuid.uuid4())

                async def woken() -> bool:
                    return bus.carried(note_id)

                await eventually(woken, timeout=10, what="the commit's NOTIFY")
            finally:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
    finally:
        await db.dispose()


async def test_a_row_waiting_for_its_retry_is_published_when_due_without_a_commit(
    kit_db: Database, owner: asyncpg.Connection
) -> None:
    await owner.execute("UPDATE outbox SET published_at = now() WHERE published_at IS NULL")
    bus = RecordingBus(refuse_first=True)
    note_id = await write_note(kit_db, uuid.uuid4())
    relay = Relay(kit_db, bus, service="kittest", poll_seconds=0.1, idle_seconds=60)
    task = asyncio.create_task(relay.run())
    try:

        async def published() -> bool:
            return bus.carried(note_id)

        await eventually(published, timeout=15, what="the retry one second later")
        assert bus.refused == 1
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
