"""Dead-letter queues of the RabbitMQ topology (`kit.events.rabbitmq`): count, look, replay, purge.

Looking uses `basic.get` without ack and then closes the channel, which returns every message to
the queue in order (RabbitMQ 3.10 quorum queues have no default delivery limit, and a DLQ sets
none); the broker does that asynchronously, so a count taken at once may briefly miss them.
Replaying publishes a copy to the consumer's main queue with a publisher confirm, then acks the
dead letter: a crash in between leaves the message in both places, and the consumer's inbox
(keyed by the envelope id) makes the second delivery a no-op, so each event has one effect.
https://www.rabbitmq.com/docs/confirms, https://www.rabbitmq.com/docs/dlx
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Collection, Sequence
from contextlib import aclosing, asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aio_pika
from aio_pika.abc import (
    AbstractChannel,
    AbstractConnection,
    AbstractIncomingMessage,
    AbstractQueue,
)
from aiormq.exceptions import ChannelNotFoundEntity

from kit.events.rabbitmq import ATTEMPT_HEADER, ERROR_HEADER, consumer_queues

REPLAY_HEADER = "x-replayed"
# Headers describing the failed attempts; a replayed message starts afresh without them.
_FAILURE_HEADERS = (
    ATTEMPT_HEADER,
    ERROR_HEADER,
    "x-death",
    "x-first-death-exchange",
    "x-first-death-queue",
    "x-first-death-reason",
    "x-last-death-exchange",
    "x-last-death-queue",
    "x-last-death-reason",
    "x-delivery-count",
)

Progress = Callable[[int], None]
REPLAY_BATCH = 500  # copies in flight before their confirms are awaited together
IDLE_SECONDS = 1.0  # a DLQ that delivers nothing for this long is taken as drained


def queue_names(consumer: str, prefix: str = "") -> tuple[str, str]:
    """(main queue, dead-letter queue) of `consumer`, as `consumer_queues` names them."""
    main = prefix + consumer
    dlq = next(name for name in consumer_queues(main, ()) if name != main)
    return main, dlq


@dataclass(frozen=True)
class DeadLetter:
    """What ops need to see of one dead-lettered event."""

    id: str
    type: str
    tenant_id: str | None
    attempts: int
    last_error: str | None


def describe(message: AbstractIncomingMessage) -> DeadLetter:
    """The envelope id, type and tenant, and why the message was parked."""
    headers: dict[str, Any] = dict(message.headers or {})
    try:
        body = json.loads(message.body)
    except ValueError:
        body = {}
    tenant = body.get("tenant_id") if isinstance(body, dict) else None
    return DeadLetter(
        id=message.message_id or "",
        type=message.type or message.routing_key or "",
        tenant_id=str(tenant) if tenant else None,
        attempts=int(str(headers.get(ATTEMPT_HEADER, 1))),
        last_error=_last_error(headers),
    )


def _last_error(headers: dict[str, Any]) -> str | None:
    if headers.get(ERROR_HEADER):
        return str(headers[ERROR_HEADER])
    # Parked by the broker itself (x-delivery-limit reached: the consumer crashed each time).
    reason = headers.get("x-last-death-reason") or headers.get("x-first-death-reason")
    return f"broker dead-lettered: {reason}" if reason else None


def _replayed(message: AbstractIncomingMessage) -> aio_pika.Message:
    headers = {k: v for k, v in dict(message.headers or {}).items() if k not in _FAILURE_HEADERS}
    headers[REPLAY_HEADER] = int(str(headers.get(REPLAY_HEADER, 0))) + 1
    return aio_pika.Message(
        body=message.body,
        message_id=message.message_id,
        type=message.type,
        content_type=message.content_type,
        delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
        headers=headers,
    )


async def _incoming(
    channel: AbstractChannel, queue: AbstractQueue, *, everything: bool
) -> AsyncGenerator[AbstractIncomingMessage, None]:
    """The queue's messages until it is empty: pushed through a prefetch window when all are
    wanted (a `basic.get` per message costs a quorum-queue round trip), else got one by one
    (skipped messages stay unacked, and would fill a window)."""
    if not everything:
        while (message := await queue.get(no_ack=False, fail=False)) is not None:
            yield message
        return
    await channel.set_qos(prefetch_count=REPLAY_BATCH * 2)
    async with queue.iterator() as messages:
        while True:
            try:
                yield await asyncio.wait_for(messages.__anext__(), IDLE_SECONDS)
            except (TimeoutError, StopAsyncIteration):
                return


class DeadLetters:
    """The dead-letter queues of a set of consumers on one broker."""

    def __init__(self, connection: AbstractConnection, prefix: str = "") -> None:
        self._connection = connection
        self.prefix = prefix

    @classmethod
    @asynccontextmanager
    async def connect(cls, url: str, prefix: str = "") -> AsyncIterator[DeadLetters]:
        connection = await aio_pika.connect(url, client_properties={"connection_name": "machi-ops"})
        try:
            yield cls(connection, prefix)
        finally:
            await connection.close()

    async def count(self, consumer: str) -> int | None:
        """Messages in the consumer's DLQ, or None when the queue does not exist."""
        _, dlq = queue_names(consumer, self.prefix)
        channel = await self._connection.channel()
        try:
            queue = await channel.declare_queue(dlq, passive=True)
        except ChannelNotFoundEntity:
            return None  # the failed passive declare closed the channel
        try:
            return queue.declaration_result.message_count or 0
        finally:
            await channel.close()

    async def counts(self, consumers: Sequence[str]) -> dict[str, int | None]:
        """`count` of each consumer."""
        return {consumer: await self.count(consumer) for consumer in consumers}

    async def show(self, consumer: str, limit: int = 20) -> list[DeadLetter]:
        """The first `limit` dead letters, left in the queue in their order."""
        _, dlq = queue_names(consumer, self.prefix)
        channel = await self._connection.channel()
        try:
            queue = await channel.get_queue(dlq, ensure=True)
            found: list[DeadLetter] = []
            for _ in range(limit):
                message = await queue.get(no_ack=False, fail=False)
                if message is None:
                    break
                found.append(describe(message))
            return found
        finally:
            await channel.close()  # returns every unacked message to the queue

    async def replay(
        self,
        consumer: str,
        ids: Collection[str] | None = None,
        progress: Progress | None = None,
    ) -> int:
        """Move the dead letters (all, or those whose id is in `ids`) back to the consumer's
        queue; returns how many moved. The queue is read until it is empty or an id comes round
        again, so a replayed message that fails again is not replayed twice in one run."""
        main, dlq = queue_names(consumer, self.prefix)
        channel = await self._connection.channel(publisher_confirms=True)
        try:
            queue = await channel.declare_queue(dlq, passive=True)
            seen: set[str] = set()
            batch: list[AbstractIncomingMessage] = []
            moved = 0
            async with aclosing(_incoming(channel, queue, everything=ids is None)) as messages:
                async for message in messages:
                    if message.message_id in seen:
                        break  # a replayed one is back (left unacked, so it stays in the queue)
                    seen.add(message.message_id or "")
                    if ids is not None and message.message_id not in ids:
                        continue  # stays unacked; back in the queue when the channel closes
                    batch.append(message)
                    if len(batch) >= REPLAY_BATCH:
                        moved += await self._move(channel, batch, main)
                        batch = []
                        if progress is not None:
                            progress(moved)
            moved += await self._move(channel, batch, main)
            if progress is not None:
                progress(moved)
            return moved
        finally:
            await channel.close()

    @staticmethod
    async def _move(channel: AbstractChannel, batch: list[AbstractIncomingMessage], to: str) -> int:
        """Publish copies of `batch` to `to`, all confirms awaited together, then ack each
        confirmed original; a copy the broker refused leaves its original in the DLQ."""
        outcomes = await asyncio.gather(
            *(channel.default_exchange.publish(_replayed(m), routing_key=to) for m in batch),
            return_exceptions=True,
        )
        for message, outcome in zip(batch, outcomes, strict=True):
            if not isinstance(outcome, BaseException):
                await message.ack()
        failed = [o for o in outcomes if isinstance(o, BaseException)]
        if failed:
            raise failed[0]
        return len(batch)

    async def purge(self, consumer: str) -> int:
        """Drop every dead letter of `consumer`; returns how many were dropped."""
        _, dlq = queue_names(consumer, self.prefix)
        channel = await self._connection.channel()
        try:
            queue = await channel.declare_queue(dlq, passive=True)
            result = await queue.purge()
            return int(result.message_count or 0)
        finally:
            await channel.close()
