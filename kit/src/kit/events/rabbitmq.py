"""RabbitMQ bus on aio-pika, for RabbitMQ 3.10 and newer.

Topology per consumer `c` (every name carries the configured prefix):
- topic exchange `machi.events`; events nobody is bound to go to its alternate exchange
  `machi.unrouted` (a queue capped at 100,000, oldest dropped first) instead of vanishing: an
  event published before its consumer's queue exists (a consumer added or renamed, a broker
  without `deploy/rabbitmq/definitions.json`) can be found there. Types no consumer wants land
  there too; workers export its depth as `machi_unrouted_events`, and
  `deploy/prometheus/machi-alerts.yml` warns before the cap drops events;
- `c`: quorum queue bound to the consumer's patterns, with an explicit `x-delivery-limit` (3.10 has
  no default) dead-lettering at-least-once into `c.dlq`, so a message that crashes its consumer
  over and over still ends up parked;
- `c.retry.N`: quorum queues whose TTL dead-letters the message back to `c` (one queue per delay,
  so a long delay never blocks a short one);
- `c.dlq`: where exhausted and poison messages rest, with `x-last-error`, for ops to replay.
https://www.rabbitmq.com/docs/quorum-queues, https://www.rabbitmq.com/docs/dlx

Retry and dead-lettering publish a copy with a confirm, then ack the original: if the copy cannot
be published the original stays unacked and comes back when the channel closes.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

import aio_pika
from aio_pika.abc import (
    AbstractChannel,
    AbstractExchange,
    AbstractIncomingMessage,
    AbstractRobustConnection,
)

from kit.events.bus import EXCHANGE, Delivery, Handler, Message, RetryPolicy
from kit.events.envelope import PoisonMessage
from kit.observability import EVENTS_DEAD_LETTERED, EVENTS_RETRIED

log = logging.getLogger(__name__)

ATTEMPT_HEADER = "x-attempt"
ERROR_HEADER = "x-last-error"
DELIVERY_LIMIT = 20


UNROUTED = "machi.unrouted"
UNROUTED_ARGUMENTS: dict[str, Any] = {"x-queue-type": "quorum", "x-max-length": 100_000}


def consumer_queues(main: str, delays_ms: Sequence[int]) -> dict[str, dict[str, Any]]:
    """Name -> arguments of a consumer's queues: main, retry steps, dead letters."""
    parked = {
        "x-queue-type": "quorum",
        "x-dead-letter-strategy": "at-least-once",
        "x-overflow": "reject-publish",
        "x-dead-letter-exchange": "",
    }
    queues: dict[str, dict[str, Any]] = {f"{main}.dlq": {"x-queue-type": "quorum"}}
    for step, delay in enumerate(delays_ms, start=1):
        queues[f"{main}.retry.{step}"] = {
            **parked,
            "x-message-ttl": delay,
            "x-dead-letter-routing-key": main,
        }
    queues[main] = {
        **parked,
        "x-delivery-limit": DELIVERY_LIMIT,
        "x-dead-letter-routing-key": f"{main}.dlq",
    }
    return queues


def definitions(
    consumers: Mapping[str, Sequence[str]], delays_ms: Sequence[int], prefix: str = ""
) -> dict[str, list[dict[str, Any]]]:
    """The topology as RabbitMQ definitions (exchanges, queues, bindings) for deploy/rabbitmq/,
    so a broker can be prepared before any Machi process starts."""

    def queue(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
        return {
            "name": name,
            "vhost": "/",
            "durable": True,
            "auto_delete": False,
            "arguments": arguments,
        }

    def binding(source: str, destination: str, key: str) -> dict[str, Any]:
        return {
            "source": source,
            "vhost": "/",
            "destination": destination,
            "destination_type": "queue",
            "routing_key": key,
            "arguments": {},
        }

    unrouted, events = prefix + UNROUTED, prefix + EXCHANGE
    exchanges = [
        {
            "name": unrouted,
            "vhost": "/",
            "type": "fanout",
            "durable": True,
            "auto_delete": False,
            "internal": False,
            "arguments": {},
        },
        {
            "name": events,
            "vhost": "/",
            "type": "topic",
            "durable": True,
            "auto_delete": False,
            "internal": False,
            "arguments": {"alternate-exchange": unrouted},
        },
    ]
    queues = [queue(unrouted, UNROUTED_ARGUMENTS)]
    bindings = [binding(unrouted, unrouted, "")]
    for consumer in sorted(consumers):
        main = prefix + consumer
        queues += [queue(n, a) for n, a in consumer_queues(main, delays_ms).items()]
        bindings += [binding(events, main, pattern) for pattern in consumers[consumer]]
    return {"exchanges": exchanges, "queues": queues, "bindings": bindings}


class RabbitBus:
    def __init__(
        self,
        url: str,
        *,
        prefix: str = "",
        retry: RetryPolicy | None = None,
        prefetch: int = 20,
    ) -> None:
        self.url = url
        self.prefix = prefix
        self.retry = retry or RetryPolicy()
        self.prefetch = prefetch
        self._connection: AbstractRobustConnection | None = None
        self._publish_channel: AbstractChannel | None = None
        self._exchange: AbstractExchange | None = None
        self._consume_channels: list[AbstractChannel] = []
        self._declared_queues: set[str] = set()
        self._declared_exchanges: set[str] = set()

    @property
    def connection_name(self) -> str:
        return f"machi {self.prefix}".strip()

    def name(self, base: str) -> str:
        return f"{self.prefix}{base}"

    async def connect(self) -> None:
        # Named for the prefix, so operators (and tests) can tell one deployment's connections.
        self._connection = await aio_pika.connect_robust(
            self.url, client_properties={"connection_name": self.connection_name}
        )
        self._publish_channel = await self._connection.channel(publisher_confirms=True)
        self._exchange = await self._declare_exchange(self._publish_channel)

    async def close(self) -> None:
        if self._connection is not None:
            await self._connection.close()
            self._connection = None

    async def ping(self) -> None:
        if self._connection is None or self._connection.is_closed:
            raise ConnectionError("not connected to RabbitMQ")
        if self._publish_channel is None or self._publish_channel.is_closed:
            raise ConnectionError("publish channel closed")

    async def _declare_exchange(self, channel: AbstractChannel) -> AbstractExchange:
        unrouted = await channel.declare_exchange(
            self.name(UNROUTED), aio_pika.ExchangeType.FANOUT, durable=True
        )
        parking = await channel.declare_queue(
            self.name(UNROUTED), durable=True, arguments=UNROUTED_ARGUMENTS
        )
        await parking.bind(unrouted)
        self._declared_queues.add(parking.name)
        self._declared_exchanges.update({unrouted.name, self.name(EXCHANGE)})
        return await channel.declare_exchange(
            self.name(EXCHANGE),
            aio_pika.ExchangeType.TOPIC,
            durable=True,
            arguments={"alternate-exchange": self.name(UNROUTED)},
        )

    def _require_exchange(self) -> AbstractExchange:
        if self._exchange is None:
            raise RuntimeError("RabbitBus.connect() was not called")
        return self._exchange

    async def publish(self, message: Message) -> None:
        await self._require_exchange().publish(
            aio_pika.Message(
                body=message.body,
                message_id=message.id,
                type=message.routing_key,
                content_type="application/json",
                delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                headers=dict(message.headers),
            ),
            routing_key=message.routing_key,
        )

    async def _declare_consumer_queues(
        self, channel: AbstractChannel, consumer: str
    ) -> aio_pika.abc.AbstractQueue:
        main = self.name(consumer)
        declared = None
        for name, arguments in consumer_queues(main, self.retry.delays_ms).items():
            declared = await channel.declare_queue(name, durable=True, arguments=arguments)
            self._declared_queues.add(name)
        assert declared is not None  # consumer_queues lists the main queue last
        return declared

    async def subscribe(self, consumer: str, patterns: Sequence[str], handler: Handler) -> None:
        if self._connection is None:
            raise RuntimeError("RabbitBus.connect() was not called")
        channel = await self._connection.channel(publisher_confirms=True)
        await channel.set_qos(prefetch_count=self.prefetch)
        exchange = await self._declare_exchange(channel)
        queue = await self._declare_consumer_queues(channel, consumer)
        for pattern in patterns:
            await queue.bind(exchange, routing_key=pattern)
        self._consume_channels.append(channel)

        async def on_message(incoming: AbstractIncomingMessage) -> None:
            await self._handle(channel, consumer, incoming, handler)

        await queue.consume(on_message)

    async def broadcast(self, patterns: Sequence[str], handler: Handler) -> None:
        if self._connection is None:
            raise RuntimeError("RabbitBus.connect() was not called")
        channel = await self._connection.channel()
        await channel.set_qos(prefetch_count=self.prefetch)
        exchange = await self._declare_exchange(channel)
        # Exclusive, auto-delete, transient: it lives and dies with this process's connection.
        queue = await channel.declare_queue(
            self.name(f"broadcast.{uuid.uuid4().hex}"),
            durable=False,
            exclusive=True,
            auto_delete=True,
        )
        for pattern in patterns:
            await queue.bind(exchange, routing_key=pattern)
        self._consume_channels.append(channel)

        async def on_message(incoming: AbstractIncomingMessage) -> None:
            delivery = Delivery(
                id=incoming.message_id or "",
                routing_key=incoming.type or incoming.routing_key or "",
                body=incoming.body,
                attempt=1,
                headers=dict(incoming.headers or {}),
            )
            try:
                await handler(delivery)
            except Exception:
                log.exception("broadcast handler failed", extra={"event_id": delivery.id})

        await queue.consume(on_message, no_ack=True)

    async def _handle(
        self,
        channel: AbstractChannel,
        consumer: str,
        incoming: AbstractIncomingMessage,
        handler: Handler,
    ) -> None:
        headers: dict[str, Any] = dict(incoming.headers or {})
        attempt = int(str(headers.get(ATTEMPT_HEADER, 1)))
        delivery = Delivery(
            id=incoming.message_id or "",
            routing_key=incoming.type or incoming.routing_key or "",
            body=incoming.body,
            attempt=attempt,
            headers=headers,
        )
        try:
            await handler(delivery)
        except PoisonMessage as exc:
            await self._forward(channel, consumer, incoming, f"{consumer}.dlq", exc, attempt)
        except Exception as exc:
            if attempt >= self.retry.max_attempts:
                await self._forward(channel, consumer, incoming, f"{consumer}.dlq", exc, attempt)
            else:
                step = min(attempt, len(self.retry.delays_ms))
                await self._forward(
                    channel, consumer, incoming, f"{consumer}.retry.{step}", exc, attempt + 1
                )
        else:
            await incoming.ack()

    async def _forward(
        self,
        channel: AbstractChannel,
        consumer: str,
        incoming: AbstractIncomingMessage,
        queue: str,
        exc: BaseException,
        attempt: int,
    ) -> None:
        """Publish a confirmed copy to `queue`, then ack the original."""
        if queue.endswith(".dlq"):
            log.warning(
                "message dead-lettered",
                extra={"consumer": consumer, "event_id": incoming.message_id, "error": repr(exc)},
            )
        headers = {
            **dict(incoming.headers or {}),
            ATTEMPT_HEADER: attempt,
            ERROR_HEADER: repr(exc)[:500],
        }
        copy = aio_pika.Message(
            body=incoming.body,
            message_id=incoming.message_id,
            type=incoming.type or incoming.routing_key,
            content_type=incoming.content_type,
            delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
            headers=headers,
        )
        try:
            await channel.default_exchange.publish(copy, routing_key=self.name(queue))
        except Exception:
            log.exception("could not forward message; it stays unacked", extra={"queue": queue})
            await incoming.nack(requeue=True)
            return
        parked = queue.endswith(".dlq")
        (EVENTS_DEAD_LETTERED if parked else EVENTS_RETRIED).labels(consumer).inc()
        await incoming.ack()

    async def dead_letters(self, consumer: str, limit: int = 100) -> list[Delivery]:
        if self._connection is None:
            raise RuntimeError("RabbitBus.connect() was not called")
        found: list[Delivery] = []
        channel = await self._connection.channel()
        try:
            queue = await channel.get_queue(self.name(f"{consumer}.dlq"), ensure=True)
            for _ in range(limit):
                incoming = await queue.get(no_ack=False, fail=False, timeout=5)
                if incoming is None:
                    break
                headers = dict(incoming.headers or {})
                found.append(
                    Delivery(
                        id=incoming.message_id or "",
                        routing_key=incoming.type or "",
                        body=incoming.body,
                        attempt=int(str(headers.get(ATTEMPT_HEADER, 1))),
                        headers=headers,
                    )
                )
        finally:
            # Closing the channel returns every message we looked at to the queue.
            await channel.close()
        return found

    async def queue_depths(self, consumer: str) -> dict[str, int]:
        """Messages ready in the consumer's queue and in its dead letters (passive declares)."""
        if self._connection is None:
            raise RuntimeError("RabbitBus.connect() was not called")
        depths: dict[str, int] = {}
        channel = await self._connection.channel()
        try:
            for kind, name in (("main", consumer), ("dlq", f"{consumer}.dlq")):
                queue = await channel.declare_queue(self.name(name), passive=True)
                depths[kind] = queue.declaration_result.message_count or 0
        finally:
            await channel.close()
        return depths

    async def unrouted_depth(self) -> int:
        """Messages parked in `machi.unrouted` (a passive declare)."""
        if self._connection is None:
            raise RuntimeError("RabbitBus.connect() was not called")
        channel = await self._connection.channel()
        try:
            queue = await channel.declare_queue(self.name(UNROUTED), passive=True)
            return queue.declaration_result.message_count or 0
        finally:
            await channel.close()

    async def delete_topology(self) -> None:
        """Delete every queue and exchange this bus declared (test teardown)."""
        if self._connection is None:
            return
        channel = await self._connection.channel()
        try:
            for queue in sorted(self._declared_queues):
                await channel.queue_delete(queue)
            for exchange in sorted(self._declared_exchanges):
                await channel.exchange_delete(exchange)
        finally:
            await channel.close()

    async def wait_connected(self, timeout: float = 30) -> None:
        """Wait until the robust connection is up again (used after a broker restart)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while asyncio.get_running_loop().time() < deadline:
            if self._connection is not None and not self._connection.is_closed:
                return
            await asyncio.sleep(0.1)
        raise TimeoutError("RabbitMQ did not come back")
