"""`machi dlq` against the real broker: a message parked by a failing handler is listed, shown,
replayed once to a fixed handler, and purged only when confirmed."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator

import pytest

from kit.events.bus import Delivery, Message, RetryPolicy
from kit.events.rabbitmq import RabbitBus
from kit.ops.dlq import DeadLetters
from kit.settings import MachiSettings
from kit.testing.plugin import rabbit
from kit.testing.waiting import eventually

from .helpers import cli_env, machi

pytestmark = pytest.mark.broker
CONSUMER = "analytics.on-product-published"
EVENT = "catalog.product.published.v1"


class FlakyConsumer:
    """A handler that fails until fixed, recording what it handled."""

    def __init__(self) -> None:
        self.fixed = False
        self.handled: list[str] = []

    async def __call__(self, delivery: Delivery) -> None:
        if not self.fixed:
            raise RuntimeError("product service unavailable")
        self.handled.append(delivery.id)


@pytest.fixture
async def bus(amqp_url: str) -> AsyncIterator[RabbitBus]:
    async with rabbit(amqp_url, RetryPolicy(2, (20,)), prefetch=10) as made:
        yield made


@pytest.fixture
def env(machi_settings: MachiSettings, bus: RabbitBus, amqp_url: str) -> dict[str, str]:
    return cli_env(machi_settings, AMQP_URL=amqp_url, EVENTS_PREFIX=bus.prefix)


async def park(bus: RabbitBus, handler: FlakyConsumer, n: int = 1) -> list[str]:
    """Publish `n` events the handler fails on, and wait until they rest in the DLQ."""
    await bus.subscribe(CONSUMER, [EVENT], handler)
    ids = [str(uuid.uuid4()) for _ in range(n)]
    tenant = str(uuid.uuid4())
    for event_id in ids:
        body = json.dumps({"id": event_id, "type": EVENT, "tenant_id": tenant, "payload": {}})
        await bus.publish(Message(id=event_id, routing_key=EVENT, body=body.encode()))
    async with DeadLetters.connect(bus.url, bus.prefix) as dead:

        async def parked() -> bool:
            return await dead.count(CONSUMER) == n

        await eventually(parked)
    return ids


async def test_list_counts_the_parked_message(bus: RabbitBus, env: dict[str, str]) -> None:
    await park(bus, FlakyConsumer())
    result = await machi(["dlq", "list"], env)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if CONSUMER in line)
    assert row.split("│")[2].strip() == "1"
    assert "not declared" in result.output  # the other consumers' queues do not exist here


async def test_show_reports_the_failure_and_keeps_the_message(
    bus: RabbitBus, env: dict[str, str]
) -> None:
    [event_id] = await park(bus, FlakyConsumer())
    result = await machi(["dlq", "show", CONSUMER], env)
    assert result.exit_code == 0, result.output
    assert event_id in result.output
    assert "product service unavailable" in result.output
    async with DeadLetters.connect(bus.url, bus.prefix) as dead:

        async def still_parked() -> bool:
            return await dead.count(CONSUMER) == 1

        await eventually(still_parked)
        [letter] = await dead.show(CONSUMER)
        assert (letter.id, letter.type, letter.attempts) == (event_id, EVENT, 2)


async def test_replay_hands_the_message_to_the_fixed_handler_once(
    bus: RabbitBus, env: dict[str, str]
) -> None:
    handler = FlakyConsumer()
    [event_id] = await park(bus, handler)
    handler.fixed = True
    result = await machi(["dlq", "replay", CONSUMER, "--all"], env)
    assert result.exit_code == 0, result.output
    assert "replayed 1 message" in result.output

    async def handled() -> bool:
        return handler.handled == [event_id]

    await eventually(handled)
    async with DeadLetters.connect(bus.url, bus.prefix) as dead:
        assert await dead.count(CONSUMER) == 0
    await eventually(handled)  # still once: nothing was left to redeliver


async def test_replay_by_id_moves_only_that_message(bus: RabbitBus, env: dict[str, str]) -> None:
    handler = FlakyConsumer()
    first, second = await park(bus, handler, n=2)
    handler.fixed = True
    result = await machi(["dlq", "replay", CONSUMER, "--id", second], env)
    assert result.exit_code == 0, result.output

    async def handled() -> bool:
        return handler.handled == [second]

    await eventually(handled)
    async with DeadLetters.connect(bus.url, bus.prefix) as dead:
        assert [letter.id for letter in await dead.show(CONSUMER)] == [first]


async def test_purge_needs_confirmation(bus: RabbitBus, env: dict[str, str]) -> None:
    await park(bus, FlakyConsumer())
    refused = await machi(["dlq", "purge", CONSUMER], env)
    assert refused.exit_code == 1
    async with DeadLetters.connect(bus.url, bus.prefix) as dead:
        assert await dead.count(CONSUMER) == 1
    done = await machi(["dlq", "purge", CONSUMER, "--yes"], env)
    assert done.exit_code == 0, done.output
    async with DeadLetters.connect(bus.url, bus.prefix) as dead:
        assert await dead.count(CONSUMER) == 0


async def test_unknown_consumer_is_refused(env: dict[str, str]) -> None:
    result = await machi(["dlq", "show", "nobody.on-nothing"], env)
    assert result.exit_code == 2


async def test_replay_to_a_still_failing_handler_parks_it_again_once(
    bus: RabbitBus, env: dict[str, str]
) -> None:
    [event_id] = await park(bus, FlakyConsumer())
    result = await machi(["dlq", "replay", CONSUMER, "--all"], env)
    assert result.exit_code == 0, result.output
    assert "replayed 1 message" in result.output
    async with DeadLetters.connect(bus.url, bus.prefix) as dead:

        async def parked_again() -> bool:
            return await dead.count(CONSUMER) == 1

        await eventually(parked_again)
        assert [letter.id for letter in await dead.show(CONSUMER)] == [event_id]
