"""A `batch=True` subscription: deliveries arriving together share one transaction, and still
each has exactly one effect; one that fails is retried or dead-lettered alone."""

from __future__ import annotations

import asyncio
import uuid
from typing import ClassVar

import asyncpg
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from kit.db import Database
from kit.events import consumer
from kit.events.bus import Bus, Message
from kit.events.envelope import Envelope, PoisonMessage
from kit.testing.waiting import eventually

from .conftest import Effect

CONSUMER = "kittest.on-note-batched"
failures: dict[uuid.UUID, int] = {}  # note id -> failures left before its handler succeeds
POISON = uuid.UUID(int=7)


class NoteBatchedV1(BaseModel):
    event_type: ClassVar[str] = "kittest.note.batched.v1"
    note_id: uuid.UUID


@consumer.subscribe(NoteBatchedV1, consumer=CONSUMER, batch=True)
async def on_note_batched(event: Envelope[NoteBatchedV1], session: AsyncSession) -> None:
    session.add(Effect(event_id=event.id))
    if event.payload.note_id == POISON:
        raise PoisonMessage("this one can never be handled")
    if failures.get(event.payload.note_id, 0) > 0:
        failures[event.payload.note_id] -= 1
        raise RuntimeError("a passing failure")


def message(tenant: uuid.UUID, note_id: uuid.UUID) -> Message:
    envelope = Envelope(
        type=NoteBatchedV1.event_type,
        source="kittest",
        tenant_id=tenant,
        payload=NoteBatchedV1(note_id=note_id),
    )
    return Message(
        id=str(envelope.id),
        routing_key=envelope.type,
        body=envelope.model_dump_json().encode(),
    )


async def handled(owner: asyncpg.Connection, ids: list[str]) -> dict[str, int]:
    rows = await owner.fetch(
        "SELECT event_id::text AS id, count(*) AS n FROM effects WHERE event_id::text = ANY($1)"
        " GROUP BY event_id",
        ids,
    )
    return {r["id"]: r["n"] for r in rows}


async def test_deliveries_arriving_together_commit_together_each_once(
    kit_db: Database, bus: Bus, owner: asyncpg.Connection
) -> None:
    await consumer.start([on_note_batched], kit_db, bus)
    tenants = [uuid.uuid4(), uuid.uuid4()]
    messages = [message(tenants[i % 2], uuid.uuid4()) for i in range(40)]
    twice = messages[3]
    for m in [*messages, twice]:  # one of them delivered twice, in the same burst
        await bus.publish(m)
    ids = [m.id for m in messages]

    async def all_handled() -> bool:
        return len(await handled(owner, ids)) == len(ids)

    await eventually(all_handled, timeout=30)
    await asyncio.sleep(0.3)
    assert set((await handled(owner, ids)).values()) == {1}
    # The inbox stamps each row with its transaction's start: rows sharing a stamp committed
    # together, and each row kept its own event's tenant.
    groups = await owner.fetch(
        "SELECT processed_at, count(*) AS n FROM inbox WHERE consumer = $1"
        " AND event_id::text = ANY($2) GROUP BY processed_at",
        CONSUMER,
        ids,
    )
    assert max(g["n"] for g in groups) > 1
    tenants_seen = await owner.fetch(
        "SELECT DISTINCT tenant_id FROM effects WHERE event_id::text = ANY($1)", ids
    )
    assert {r["tenant_id"] for r in tenants_seen} == set(tenants)


async def test_a_failing_delivery_fails_alone_and_the_others_commit(
    kit_db: Database, bus: Bus, owner: asyncpg.Connection
) -> None:
    await consumer.start([on_note_batched], kit_db, bus)
    tenant = uuid.uuid4()
    flaky = uuid.uuid4()
    failures[flaky] = 1
    messages = [message(tenant, uuid.uuid4()) for _ in range(20)]
    messages[5] = message(tenant, flaky)  # fails once, then is handled on its retry
    messages[9] = message(tenant, POISON)  # never handled: dead-lettered
    for m in messages:
        await bus.publish(m)
    good = [m.id for i, m in enumerate(messages) if i != 9]

    async def others_handled() -> bool:
        return len(await handled(owner, good)) == len(good)

    async def poison_parked() -> bool:
        parked = await bus.dead_letters(CONSUMER)
        return messages[9].id in {d.id for d in parked}

    await eventually(others_handled, timeout=30)
    await eventually(poison_parked, timeout=30)
    await asyncio.sleep(0.3)
    assert set((await handled(owner, good)).values()) == {1}
    assert await handled(owner, [messages[9].id]) == {}
    assert failures[flaky] == 0
