"""Outbox, relay, inbox and the subscribe wrapper together, on a real database and both buses."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import time
import uuid
from typing import ClassVar

import asyncpg
import pytest
from pydantic import BaseModel
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from kit.db import Database
from kit.events import consumer, outbox
from kit.events.bus import Bus, Message, RetryPolicy
from kit.events.envelope import Envelope
from kit.events.memory import MemoryBus
from kit.events.rabbitmq import RabbitBus
from kit.events.relay import Relay
from kit.testing.waiting import eventually

from .conftest import Effect, Note


class NoteWrittenV1(BaseModel):
    event_type: ClassVar[str] = "kittest.note.written.v1"
    note_id: uuid.UUID


@consumer.subscribe(NoteWrittenV1, consumer="kittest.on-note-written")
async def on_note_written(event: Envelope[NoteWrittenV1], session: AsyncSession) -> None:
    session.add(Effect(event_id=event.id, note_id=event.payload.note_id))


async def write_note(db: Database, tenant: uuid.UUID) -> uuid.UUID:
    """The business write: a note and its event, in one transaction."""
    async with db.transaction(tenant) as session:
        note = Note(body="hello")
        session.add(note)
        await session.flush()
        await outbox.add(session, NoteWrittenV1(note_id=note.id))
    return note.id


async def effects_for(owner: asyncpg.Connection, note_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    rows = await owner.fetch(
        "SELECT note_id, count(*) AS n FROM effects WHERE note_id = ANY($1) GROUP BY note_id",
        note_ids,
    )
    return {r["note_id"]: r["n"] for r in rows}


async def test_rolled_back_change_leaves_no_event(kit_db: Database) -> None:
    tenant = uuid.uuid4()

    async def failing_change() -> None:
        async with kit_db.transaction(tenant) as session:
            await outbox.add(session, NoteWrittenV1(note_id=uuid.uuid4()))
            raise RuntimeError("business rule failed")

    with pytest.raises(RuntimeError):
        await failing_change()
    async with kit_db.transaction() as session:
        pending = await session.execute(
            text("SELECT count(*) FROM outbox WHERE tenant_id = :t"), {"t": tenant}
        )
        assert pending.scalar_one() == 0


async def test_event_committed_while_relay_was_down_is_delivered_once_it_starts(
    kit_db: Database, bus: Bus, owner: asyncpg.Connection
) -> None:
    await consumer.start([on_note_written], kit_db, bus)
    note_id = await write_note(kit_db, uuid.uuid4())  # committed; no relay is running
    await asyncio.sleep(0.2)
    assert await effects_for(owner, [note_id]) == {}

    relay = Relay(kit_db, bus, service="kittest", poll_seconds=0.05)
    task = asyncio.create_task(relay.run())
    try:

        async def delivered() -> bool:
            return await effects_for(owner, [note_id]) == {note_id: 1}

        await eventually(delivered)
    finally:
        task.cancel()
    published = await owner.fetchval(
        "SELECT published_at IS NOT NULL FROM outbox WHERE envelope->'payload'->>'note_id' = $1",
        str(note_id),
    )
    assert published is True


async def test_an_idle_relay_publishes_a_row_when_its_commit_wakes_it(
    kit_db: Database, bus: Bus, owner: asyncpg.Connection
) -> None:
    await consumer.start([on_note_written], kit_db, bus)
    relay = Relay(kit_db, bus, service="kittest", poll_seconds=60)  # no poll within the test
    task = asyncio.create_task(relay.run())
    try:
        for what in ("the relay's first batch", "the commit's NOTIFY, long before a poll"):
            note_id = await write_note(kit_db, uuid.uuid4())

            async def delivered(note_id: uuid.UUID = note_id) -> bool:
                return await effects_for(owner, [note_id]) == {note_id: 1}

            await eventually(delivered, timeout=30, what=what)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def test_same_event_delivered_twice_has_one_effect(
    kit_db: Database, bus: Bus, owner: asyncpg.Connection
) -> None:
    await consumer.start([on_note_written], kit_db, bus)
    note_id = await write_note(kit_db, uuid.uuid4())
    row = await owner.fetchrow(
        "SELECT id, envelope::text AS body FROM outbox WHERE envelope->'payload'->>'note_id' = $1",
        str(note_id),
    )
    assert row is not None
    twice = Message(
        id=str(row["id"]), routing_key=NoteWrittenV1.event_type, body=row["body"].encode()
    )
    await bus.publish(twice)
    await bus.publish(twice)

    async def handled() -> bool:
        return (
            await owner.fetchval("SELECT count(*) FROM inbox WHERE event_id = $1", row["id"]) == 1
        )

    await eventually(handled)
    await asyncio.sleep(0.3)
    assert await effects_for(owner, [note_id]) == {note_id: 1}


async def test_unreadable_event_goes_to_dead_letters(kit_db: Database, bus: Bus) -> None:
    await consumer.start([on_note_written], kit_db, bus)
    await bus.publish(
        Message(
            id=str(uuid.uuid4()),
            routing_key=NoteWrittenV1.event_type,
            body=b'{"not": "an envelope"}',
        )
    )

    async def parked() -> bool:
        return len(await bus.dead_letters("kittest.on-note-written")) == 1

    await eventually(parked)


class BrokenBus(MemoryBus):
    async def publish(self, message: Message) -> None:
        raise ConnectionError("broker unreachable")


async def test_unconfirmed_publish_stays_pending_with_backoff(
    kit_db: Database, owner: asyncpg.Connection
) -> None:
    note_id = await write_note(kit_db, uuid.uuid4())
    relay = Relay(kit_db, BrokenBus(), service="kittest")
    assert await relay.run_once() == 0
    row = await owner.fetchrow(
        "SELECT published_at, attempts, last_error, available_at > now() AS later FROM outbox"
        " WHERE envelope->'payload'->>'note_id' = $1",
        str(note_id),
    )
    assert row is not None
    assert (row["published_at"], row["attempts"], row["later"]) == (None, 1, True)
    assert "broker unreachable" in row["last_error"]


# Closes the connections carrying one client-provided name, through the broker's own tool;
# `close_all_connections` would also cut every other suite sharing the broker.
CLOSE_NAMED = (
    '[rabbit_networking:close_connection(P, "test: dropped on purpose") || I <- '
    "rabbit_networking:connection_info_all([pid, client_properties]), "
    "{pid, P} <- [lists:keyfind(pid, 1, I)], "
    "{client_properties, Props} <- [lists:keyfind(client_properties, 1, I)], "
    'lists:member({<<"connection_name">>, longstr, <<"%s">>}, Props)].'
)


def drop_connections(name: str) -> None:
    """Close this test's broker connections only: other suites may share the broker. After an
    earlier drop the bus may still be reconnecting, so wait for its connection to be back."""
    for _ in range(60):
        closed = subprocess.run(
            ["rabbitmqctl", "-q", "eval", CLOSE_NAMED % name],
            check=True,
            capture_output=True,
            text=True,
        )
        if "ok" in closed.stdout:
            return
        time.sleep(0.5)
    raise AssertionError(f"no broker connection named {name!r} came back")


@pytest.mark.slow
async def test_thousand_events_survive_dropped_connections_exactly_once(
    kit_db: Database, amqp_url: str, owner: asyncpg.Connection
) -> None:
    if shutil.which("rabbitmqctl") is None:
        pytest.skip("rabbitmqctl is needed to drop the broker's connections")
    bus = RabbitBus(amqp_url, prefix=f"t{uuid.uuid4().hex[:10]}.", retry=RetryPolicy(5, (50, 200)))
    await bus.connect()
    tenant = uuid.uuid4()
    try:
        await consumer.start([on_note_written], kit_db, bus)
        relay = Relay(kit_db, bus, service="kittest", batch_size=50, poll_seconds=0.05)
        relay_task = asyncio.create_task(relay.run())
        note_ids = []
        for i in range(1000):
            note_ids.append(await write_note(kit_db, tenant))
            if i in (300, 650):
                await asyncio.to_thread(drop_connections, bus.connection_name)

        async def all_handled() -> bool:
            rows = await effects_for(owner, note_ids)
            return len(rows) == 1000

        await eventually(all_handled, timeout=120)
        await asyncio.sleep(1)
        counts = await effects_for(owner, note_ids)
        assert set(counts.values()) == {1}
        relay_task.cancel()
    finally:
        await bus.delete_topology()
        await bus.close()
    async with kit_db.transaction(tenant) as session:
        assert len((await session.execute(select(Effect))).scalars().all()) >= 1000


class HangingBus(MemoryBus):
    """A broker that never confirms: the relay is stuck mid-publish when it is killed."""

    async def publish(self, message: Message) -> None:
        await asyncio.Event().wait()


async def test_relay_killed_mid_publish_leaves_the_event_for_the_next_relay(
    kit_db: Database, owner: asyncpg.Connection
) -> None:
    memory = MemoryBus(RetryPolicy(3, (50, 100)))
    await consumer.start([on_note_written], kit_db, memory)
    note_id = await write_note(kit_db, uuid.uuid4())
    stuck = asyncio.create_task(Relay(kit_db, HangingBus(), service="kittest").run_once())
    await asyncio.sleep(0.3)  # it has claimed the row and is waiting for a confirm
    stuck.cancel()  # the process dies: its transaction never commits
    with pytest.raises(asyncio.CancelledError):
        await stuck
    assert await effects_for(owner, [note_id]) == {}

    await Relay(kit_db, memory, service="kittest").run_once()

    async def delivered() -> bool:
        return await effects_for(owner, [note_id]) == {note_id: 1}

    await eventually(delivered)
    await memory.close()
