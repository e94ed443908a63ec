"""Events per second end to end, against a raw aio-pika loop on the same broker, in one run.

Machi path: business write + outbox row (one transaction each) -> relay (SKIP LOCKED, confirms)
-> RabbitMQ quorum queue -> consumer: inbox row + handler write, commit, ack.
Baseline: aio-pika publishes N persistent messages with confirms to a quorum queue and consumes
them with manual acks: the broker's own ceiling for the same durability.

Three figures from one run:
- `machi_events_per_second`: the pipe the goal names (outbox -> RabbitMQ -> inbox -> commit):
  N events committed to the outbox by their business transactions first, then the clock runs
  from the relay's start until every inbox row has committed;
- `machi_with_writes_events_per_second`: the same with the N business transactions (50 at a
  time) inside the clock, racing the relay (the figure earlier runs reported);
- latency at a steady `RATE` events/s: from each business commit to its inbox commit, p50/p99.

    uv run python -m bench.events [N] [RATE] [SECONDS]   # printed and written to bench/results/
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

import aio_pika
import asyncpg
from pydantic import BaseModel
from sqlalchemy import Text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from kit import migrations
from kit.db import Base as ModelBase
from kit.db import Database, UUIDPrimaryKey, service_metadata
from kit.events import consumer, outbox
from kit.events.bus import Delivery, RetryPolicy
from kit.events.envelope import Envelope
from kit.events.outbox import SOURCE_KEY
from kit.events.rabbitmq import RabbitBus
from kit.events.relay import Relay
from kit.events.tables import inbox as inbox_table
from kit.events.tables import outbox as outbox_table
from kit.settings import MachiSettings
from kit.tenancy import TenantScoped, rls_statements

SERVICE = "bench"
RATE = 200.0  # events per second offered in the latency phase
SECONDS = 10.0


class Base(ModelBase):
    __abstract__ = True
    metadata = service_metadata()


class Order(UUIDPrimaryKey, TenantScoped, Base):
    __tablename__ = "orders"
    note: Mapped[str] = mapped_column(Text)


class Effect(UUIDPrimaryKey, TenantScoped, Base):
    __tablename__ = "effects"
    order_id: Mapped[uuid.UUID]


class OrderPlacedV1(BaseModel):
    event_type: ClassVar[str] = "bench.order.placed.v1"
    order_id: uuid.UUID


@consumer.subscribe(OrderPlacedV1, consumer="bench.on-order-placed", batch=True)
async def on_order_placed(event: Envelope[OrderPlacedV1], session: AsyncSession) -> None:
    session.add(Effect(order_id=event.payload.order_id))


def progress(label: str, done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r{label:<10} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        sys.stderr.write("\n")


async def setup_database(settings: MachiSettings) -> None:
    await migrations.drop(settings, SERVICE)
    await migrations.provision(settings, SERVICE)
    conn = await asyncpg.connect(migrations.asyncpg_dsn(settings.owner_url(SERVICE)))
    try:
        await conn.execute(
            "CREATE TABLE orders (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, note text);"
            "CREATE TABLE effects (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, order_id uuid);"
            "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);"
        )
        for statement in [*rls_statements("orders"), *rls_statements("effects")]:
            await conn.execute(statement)
    finally:
        await conn.close()
    owner = Database(settings.owner_url(SERVICE), pool_size=1)
    async with owner.engine.begin() as conn2:
        await conn2.run_sync(lambda c: (outbox_table.create(c), inbox_table.create(c)))
    await owner.dispose()
    await migrations.grant_app_role(settings, SERVICE)


async def machi_path(
    settings: MachiSettings, amqp_url: str, n: int, rate: float, seconds: float
) -> dict[str, float]:
    await setup_database(settings)
    db = Database(settings.app_url(SERVICE), pool_size=10)
    db.sessionmaker.configure(info={SOURCE_KEY: SERVICE})
    bus = RabbitBus(
        amqp_url,
        prefix=f"bench{uuid.uuid4().hex[:6]}.",
        retry=RetryPolicy(3, (100, 500)),
        prefetch=100,
    )
    await bus.connect()
    tenant = uuid.uuid4()
    committed: dict[str, float] = {}  # event id -> its business commit
    handled: dict[str, float] = {}  # event id -> its inbox commit
    sub = on_order_placed
    group = consumer.Batch(sub, db) if sub.batch else None

    async def on_delivery(delivery: Delivery) -> None:  # what consumer.start subscribes, timed
        await consumer.handle(sub, db, delivery, group)
        handled.setdefault(delivery.id, time.perf_counter())

    async def write(i: int) -> None:
        async with db.transaction(tenant) as session:
            order = Order(note=f"order {i}")
            session.add(order)
            await session.flush()
            envelope = await outbox.add(session, OrderPlacedV1(order_id=order.id))
        committed[str(envelope.id)] = time.perf_counter()

    async def write_all(count: int) -> None:
        for start in range(0, count, 50):
            await asyncio.gather(*(write(i) for i in range(start, min(start + 50, count))))

    async def drained(label: str, target: int) -> None:
        while len(handled) < target:
            progress(label, len(handled), target)
            await asyncio.sleep(0.02)
        progress(label, len(handled), target)

    relay = Relay(db, bus, service=SERVICE, batch_size=200, poll_seconds=0.01)
    relay_task: asyncio.Task[None] | None = None
    try:
        await bus.subscribe(sub.consumer, [sub.event_type], on_delivery)
        # 1. the pipe alone: rows committed first, the clock runs from the relay's start
        await write_all(n)
        started = time.perf_counter()
        relay_task = asyncio.create_task(relay.run())
        await drained("drain", n)
        pipe = n / (time.perf_counter() - started)
        # 2. writes inside the clock, racing the relay
        started = time.perf_counter()
        await write_all(n)
        await drained("writes", 2 * n)
        with_writes = n / (time.perf_counter() - started)
        # 3. latency at a steady rate
        committed.clear()
        handled.clear()
        count = int(rate * seconds)
        begun = time.perf_counter()
        pending: set[asyncio.Task[None]] = set()
        for i in range(count):
            await asyncio.sleep(max(0.0, begun + i / rate - time.perf_counter()))
            task = asyncio.create_task(write(i))
            pending.add(task)
            task.add_done_callback(pending.discard)
        await asyncio.gather(*pending)
        await drained("latency", count)
        offered = count / (time.perf_counter() - begun)
        waits = sorted((handled[k] - t) * 1000 for k, t in committed.items() if k in handled)
        return {
            "pipe": pipe,
            "with_writes": with_writes,
            "rate": offered,
            "p50_ms": waits[len(waits) // 2],
            "p99_ms": waits[min(len(waits) - 1, int(0.99 * len(waits)))],
            "max_ms": waits[-1],
        }
    finally:
        if relay_task is not None:
            relay_task.cancel()
            await asyncio.gather(relay_task, return_exceptions=True)
        await bus.delete_topology()
        await bus.close()
        await db.dispose()
        await migrations.drop(settings, SERVICE)


async def raw_path(amqp_url: str, n: int) -> float:
    connection = await aio_pika.connect(amqp_url)
    name = f"bench-raw-{uuid.uuid4().hex[:6]}"
    async with connection:
        publish_channel = await connection.channel(publisher_confirms=True)
        consume_channel = await connection.channel()
        await consume_channel.set_qos(prefetch_count=100)
        queue = await consume_channel.declare_queue(
            name, durable=True, arguments={"x-queue-type": "quorum"}
        )
        received = 0
        finished = asyncio.Event()

        async def on_message(message: aio_pika.abc.AbstractIncomingMessage) -> None:
            nonlocal received
            await message.ack()
            received += 1
            if received >= n:
                finished.set()

        await queue.consume(on_message)
        started = time.perf_counter()
        body = json.dumps({"order_id": str(uuid.uuid4())}).encode()
        for start in range(0, n, 200):
            await asyncio.gather(
                *(
                    publish_channel.default_exchange.publish(
                        aio_pika.Message(
                            body,
                            delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                            message_id=str(uuid.uuid4()),
                        ),
                        routing_key=name,
                    )
                    for _ in range(start, min(start + 200, n))
                )
            )
            progress("raw", received, n)
        await finished.wait()
        progress("raw", received, n)
        elapsed = time.perf_counter() - started
        await consume_channel.queue_delete(name)
        return n / elapsed


async def main(n: int, rate: float = RATE, seconds: float = SECONDS) -> dict[str, object]:
    database_url = os.environ.get("TEST_DATABASE_URL") or os.environ.get(
        "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
    )
    amqp_url = os.environ.get("TEST_AMQP_URL") or os.environ.get(
        "AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/"
    )
    settings = MachiSettings(
        database_url=database_url, db_name_prefix=f"b{uuid.uuid4().hex[:6]}_", _env_file=None
    )  # type: ignore[call-arg]
    load = os.getloadavg()
    raw = await raw_path(amqp_url, n)
    machi = await machi_path(settings, amqp_url, n, rate, seconds)
    result = {
        "benchmark": "events end to end",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average": [round(x, 2) for x in (*load, *os.getloadavg())],
        "events": n,
        "raw_aio_pika_events_per_second": round(raw, 1),
        "machi_events_per_second": round(machi["pipe"], 1),
        "ratio_machi_to_raw": round(machi["pipe"] / raw, 3),
        "machi_with_writes_events_per_second": round(machi["with_writes"], 1),
        "ratio_with_writes_to_raw": round(machi["with_writes"] / raw, 3),
        "latency_offered_events_per_second": round(machi["rate"], 1),
        "latency_p50_ms": round(machi["p50_ms"], 1),
        "latency_p99_ms": round(machi["p99_ms"], 1),
        "latency_max_ms": round(machi["max_ms"], 1),
    }
    return result


def write_result(result: dict[str, object]) -> None:
    out = Path("bench/results")
    out.mkdir(parents=True, exist_ok=True)
    (out / "events.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    print(
        f"events: ratio {result['ratio_machi_to_raw']} of raw aio-pika (goal >= 0.5),"
        f" p99 {result['latency_p99_ms']} ms at {result['latency_offered_events_per_second']}"
        f" events/s (goal < 100 ms), load {result['load_average']}"
    )


if __name__ == "__main__":
    args = sys.argv[1:]
    write_result(
        asyncio.run(
            main(
                int(args[0]) if args else 5000,
                float(args[1]) if len(args) > 1 else RATE,
                float(args[2]) if len(args) > 2 else SECONDS,
            )
        )
    )
