"""One contract, two buses: the in-memory bus must behave like the RabbitMQ bus."""

from __future__ import annotations

import asyncio
import uuid

from kit.events.bus import Bus, Delivery, Message, topic_matches
from kit.events.envelope import PoisonMessage
from kit.testing.waiting import eventually


def message(routing_key: str = "catalog.product.published.v1", body: bytes = b"{}") -> Message:
    return Message(id=str(uuid.uuid4()), routing_key=routing_key, body=body)


def test_topic_patterns_match_like_amqp() -> None:
    assert topic_matches("catalog.#", "catalog.product.published.v1")
    assert topic_matches("catalog.*.published.v1", "catalog.product.published.v1")
    assert not topic_matches("catalog.*", "catalog.product.published.v1")
    assert not topic_matches("publisher.#", "catalog.product.published.v1")


async def test_message_reaches_matching_consumers_only(bus: Bus) -> None:
    got: dict[str, list[str]] = {"a": [], "b": []}

    async def on_a(d: Delivery) -> None:
        got["a"].append(d.id)

    async def on_b(d: Delivery) -> None:
        got["b"].append(d.id)

    await bus.subscribe("test.a", ["catalog.product.*.v1"], on_a)
    await bus.subscribe("test.b", ["publisher.#"], on_b)
    sent = message()
    await bus.publish(sent)

    async def arrived() -> bool:
        return got["a"] == [sent.id]

    await eventually(arrived)
    await asyncio.sleep(0.2)
    assert got == {"a": [sent.id], "b": []}


async def test_failing_handler_is_retried_then_succeeds(bus: Bus) -> None:
    attempts: list[int] = []

    async def flaky(d: Delivery) -> None:
        attempts.append(d.attempt)
        if d.attempt < 2:
            raise RuntimeError("database hiccup")

    await bus.subscribe("test.flaky", ["catalog.#"], flaky)
    await bus.publish(message())

    async def succeeded() -> bool:
        return attempts == [1, 2]

    await eventually(succeeded)
    assert await bus.dead_letters("test.flaky") == []


async def test_always_failing_message_is_dead_lettered_and_others_flow(bus: Bus) -> None:
    handled: list[bytes] = []

    async def picky(d: Delivery) -> None:
        if d.body == b'"bad"':
            raise RuntimeError("cannot handle this one")
        handled.append(d.body)

    await bus.subscribe("test.picky", ["catalog.#"], picky)
    bad = message(body=b'"bad"')
    await bus.publish(bad)
    for i in range(5):
        await bus.publish(message(body=str(i).encode()))

    async def parked() -> bool:
        return len(await bus.dead_letters("test.picky")) == 1

    await eventually(parked)
    dead = await bus.dead_letters("test.picky")
    assert [(d.id, d.attempt) for d in dead] == [(bad.id, 3)]
    assert "cannot handle this one" in str(dead[0].headers["x-last-error"])
    assert sorted(handled) == [b"0", b"1", b"2", b"3", b"4"]


async def test_poison_message_skips_retries(bus: Bus) -> None:
    calls: list[int] = []

    async def strict(d: Delivery) -> None:
        calls.append(d.attempt)
        raise PoisonMessage("not an envelope")

    await bus.subscribe("test.strict", ["catalog.#"], strict)
    await bus.publish(message())

    async def parked() -> bool:
        return len(await bus.dead_letters("test.strict")) == 1

    await eventually(parked)
    assert calls == [1]
