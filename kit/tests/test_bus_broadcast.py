"""Broadcast: every listening process gets its own copy; both buses behave alike."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable

from kit.events.bus import Bus, Delivery, Message


def message(routing_key: str) -> Message:
    return Message(id=str(uuid.uuid4()), routing_key=routing_key, body=b"{}")


async def until(check: Callable[[], bool], timeout: float = 10) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


async def test_each_listener_gets_its_own_copy_of_matching_events(bus: Bus) -> None:
    first: list[str] = []
    second: list[str] = []
    queued: list[str] = []

    async def on_first(d: Delivery) -> None:
        first.append(d.routing_key)

    async def on_second(d: Delivery) -> None:
        second.append(d.routing_key)

    async def on_queue(d: Delivery) -> None:
        queued.append(d.routing_key)

    await bus.broadcast(["catalog.product.*.v1"], on_first)
    await bus.broadcast(["catalog.product.*.v1", "publisher.#"], on_second)
    await bus.subscribe("test.durable", ["catalog.#"], on_queue)
    for key in ("catalog.product.updated.v1", "publisher.delivery.published.v1", "x.y.v1"):
        await bus.publish(message(key))

    await until(lambda: len(second) == 2 and len(first) == 1 and len(queued) == 1)
    await asyncio.sleep(0.2)
    assert first == ["catalog.product.updated.v1"]
    assert sorted(second) == ["catalog.product.updated.v1", "publisher.delivery.published.v1"]
    assert queued == ["catalog.product.updated.v1"]  # a durable consumer still gets its one copy


async def test_a_failing_listener_is_not_retried_and_the_next_event_flows(bus: Bus) -> None:
    seen: list[str] = []

    async def fragile(d: Delivery) -> None:
        seen.append(d.id)
        if len(seen) == 1:
            raise RuntimeError("cache hiccup")

    await bus.broadcast(["catalog.#"], fragile)
    failing, next_one = message("catalog.product.updated.v1"), message("catalog.place.published.v1")
    await bus.publish(failing)
    await bus.publish(next_one)

    await until(lambda: next_one.id in seen)
    await asyncio.sleep(0.3)  # longer than the retry delays: no second attempt comes
    assert seen == [failing.id, next_one.id]
