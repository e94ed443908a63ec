"""In-process bus for the all-in-one mode, with the RabbitMQ bus's delivery contract.

Messages are copied as bytes into one queue per consumer; a handler failure schedules a
redelivery after the retry delay; after the last attempt the message rests in a dead-letter list.
It lives and dies with the process: the outbox (in Postgres) is what survives a restart.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Sequence
from dataclasses import replace

from kit.events.bus import Delivery, Handler, Message, RetryPolicy, topic_matches
from kit.events.envelope import PoisonMessage
from kit.observability import EVENTS_DEAD_LETTERED, EVENTS_RETRIED

log = logging.getLogger(__name__)


class MemoryBus:
    def __init__(self, retry: RetryPolicy | None = None, concurrency: int = 4) -> None:
        self.retry = retry or RetryPolicy()
        self.concurrency = concurrency
        self._bindings: dict[str, list[str]] = {}
        self._queues: dict[str, asyncio.Queue[Delivery]] = {}
        self._dead: dict[str, list[Delivery]] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    async def connect(self) -> None:
        return None

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()

    async def ping(self) -> None:
        return None

    async def publish(self, message: Message) -> None:
        for consumer, patterns in self._bindings.items():
            if any(topic_matches(p, message.routing_key) for p in patterns):
                delivery = Delivery(
                    id=message.id,
                    routing_key=message.routing_key,
                    body=bytes(message.body),
                    attempt=1,
                    headers=dict(message.headers),
                )
                self._queues[consumer].put_nowait(delivery)

    async def subscribe(self, consumer: str, patterns: Sequence[str], handler: Handler) -> None:
        self._bindings[consumer] = list(patterns)
        queue = self._queues.setdefault(consumer, asyncio.Queue())
        self._dead.setdefault(consumer, [])
        for _ in range(self.concurrency):
            task = asyncio.create_task(self._work(consumer, queue, handler))
            self._tasks.add(task)

    async def broadcast(self, patterns: Sequence[str], handler: Handler) -> None:
        listener = f"broadcast.{uuid.uuid4().hex}"  # a queue of its own, never shared
        self._bindings[listener] = list(patterns)
        queue = self._queues.setdefault(listener, asyncio.Queue())
        task = asyncio.create_task(self._listen(queue, handler))
        self._tasks.add(task)

    async def _listen(self, queue: asyncio.Queue[Delivery], handler: Handler) -> None:
        while True:
            delivery = await queue.get()
            try:
                await handler(delivery)
            except Exception:
                log.exception("broadcast handler failed", extra={"event_id": delivery.id})

    async def dead_letters(self, consumer: str, limit: int = 100) -> list[Delivery]:
        return list(self._dead.get(consumer, []))[:limit]

    def queue_depth(self, consumer: str) -> int:
        return self._queues[consumer].qsize()

    async def queue_depths(self, consumer: str) -> dict[str, int]:
        """Messages waiting in the consumer's queue and resting in its dead letters."""
        return {"main": self._queues[consumer].qsize(), "dlq": len(self._dead[consumer])}

    async def _work(self, consumer: str, queue: asyncio.Queue[Delivery], handler: Handler) -> None:
        while True:
            delivery = await queue.get()
            try:
                await handler(delivery)
            except PoisonMessage as exc:
                self._bury(consumer, delivery, exc)
            except Exception as exc:
                if delivery.attempt >= self.retry.max_attempts:
                    self._bury(consumer, delivery, exc)
                else:
                    self._later(consumer, queue, delivery)

    def _later(self, consumer: str, queue: asyncio.Queue[Delivery], delivery: Delivery) -> None:
        EVENTS_RETRIED.labels(consumer).inc()
        task = asyncio.create_task(self._requeue(queue, delivery))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _requeue(self, queue: asyncio.Queue[Delivery], delivery: Delivery) -> None:
        await asyncio.sleep(self.retry.delay_for(delivery.attempt) / 1000)
        queue.put_nowait(replace(delivery, attempt=delivery.attempt + 1))

    def _bury(self, consumer: str, delivery: Delivery, exc: BaseException) -> None:
        EVENTS_DEAD_LETTERED.labels(consumer).inc()
        log.warning(
            "message dead-lettered",
            extra={"consumer": consumer, "event_id": delivery.id, "error": repr(exc)},
        )
        headers = {**delivery.headers, "x-last-error": repr(exc)[:500]}
        self._dead[consumer].append(replace(delivery, headers=headers))
