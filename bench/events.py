"""Events per second end to end, against a raw aio-pika loop on the same broker, in one run.

Machi path: business write + outbox row (one transaction each) -> relay (SKIP LOCKED, confirms)
-> RabbitMQ quorum queue -> consumer: inbox row + handler write, commit, ack.
Baseline: aio-pika publishes N persistent messages with confirms to a quorum queue and consumes
them with manual acks: the broker's own ceiling for the same durability.

    uv run python -m bench.events [N]      # figures printed and written to bench/results/
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
from sqlalchemy import Text, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from kit import migrations
from kit.db import Base as ModelBase
from kit.db import Database, UUIDPrimaryKey, service_metadata
from kit.events import consumer, outbox
from kit.events.bus import RetryPolicy
from kit.events.envelope import Envelope
from kit.events.outbox import SOURCE_KEY
from kit.events.rabbitmq import RabbitBus
from kit.events.relay import Relay
from kit.events.tables import inbox as inbox_table
from kit.events.tables import outbox as outbox_table
from kit.settings import MachiSettings
from kit.tenancy import TenantScoped, rls_statements

SERVICE = "bench"


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


@consumer.subscribe(OrderPlacedV1, consumer="bench.on-order-placed")
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


async def machi_path(settings: MachiSettings, amqp_url: str, n: int) -> float:
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
    try:
        await consumer.start([on_order_placed], db, bus)
        relay = Relay(db, bus, service=SERVICE, batch_size=200, poll_seconds=0.01)
        started = time.perf_counter()
        relay_task = asyncio.create_task(relay.run())

        async def write(i: int) -> None:
            async with db.transaction(tenant) as session:
                order = Order(note=f"order {i}")
                session.add(order)
                await session.flush()
                await outbox.add(session, OrderPlacedV1(order_id=order.id))

        for start in range(0, n, 50):
            await asyncio.gather(*(write(i) for i in range(start, min(start + 50, n))))
        done = 0
        while done < n:
            async with db.transaction() as session:
                done = (
                    await session.execute(
                        text("SELECT count(*) FROM inbox WHERE consumer = 'bench.on-order-placed'")
                    )
                ).scalar_one()
            progress("machi", done, n)
            await asyncio.sleep(0.05)
        elapsed = time.perf_counter() - started
        relay_task.cancel()
        return n / elapsed
    finally:
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


async def main(n: int) -> dict[str, object]:
    database_url = os.environ.get("TEST_DATABASE_URL") or os.environ.get(
        "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
    )
    amqp_url = os.environ.get("TEST_AMQP_URL") or os.environ.get(
        "AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/"
    )
    settings = MachiSettings(
        database_url=database_url, db_name_prefix=f"b{uuid.uuid4().hex[:6]}_", _env_file=None
    )  # type: ignore[call-arg]
    raw = await raw_path(amqp_url, n)
    machi = await machi_path(settings, amqp_url, n)
    result = {
        "benchmark": "events end to end",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "events": n,
        "raw_aio_pika_events_per_second": round(raw, 1),
        "machi_events_per_second": round(machi, 1),
        "ratio_machi_to_raw": round(machi / raw, 3),
    }
    return result


def write_result(result: dict[str, object]) -> None:
    out = Path("bench/results")
    out.mkdir(parents=True, exist_ok=True)
    (out / "events.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    write_result(asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)))
