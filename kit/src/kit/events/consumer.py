"""`subscribe`: handlers hold business code only; this wrapper does the rest, in this order:

1. parse the envelope and payload, or dead-letter the message as poison;
2. open a transaction scoped to the event's tenant;
3. claim the inbox row, or stop (a duplicate: acked with no second effect);
4. run the handler; 5. commit; 6. only then let the bus ack.
A handler exception rolls everything back and the bus retries later.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from kit import tracing
from kit.db import Database
from kit.events import inbox
from kit.events.bus import Bus, Delivery
from kit.events.envelope import Envelope, PoisonMessage
from kit.events.outbox import ACTOR_KEY
from kit.logs import event_context
from kit.observability import EVENTS_HANDLED, QUEUE_DEPTH, UNROUTED_EVENTS

log = logging.getLogger(__name__)

QUEUE_DEPTH_SAMPLE_SECONDS = 15.0

P = TypeVar("P", bound=BaseModel)
HandlerFn = Callable[[Envelope[P], AsyncSession], Awaitable[None]]


@dataclass(frozen=True)
class Subscription(Generic[P]):
    """A named consumer of one event type."""

    consumer: str
    payload_model: type[P]
    handler: HandlerFn[P]

    @property
    def event_type(self) -> str:
        return str(getattr(self.payload_model, "event_type"))  # noqa: B009


def subscribe(
    payload_model: type[P], *, consumer: str
) -> Callable[[HandlerFn[P]], Subscription[P]]:
    """Declare `handler` as consumer `consumer` of `payload_model`'s event type."""

    def decorate(handler: HandlerFn[P]) -> Subscription[P]:
        return Subscription(consumer=consumer, payload_model=payload_model, handler=handler)

    return decorate


def parse(subscription: Subscription[P], body: bytes) -> Envelope[P]:
    try:
        return Envelope[subscription.payload_model].model_validate_json(body)  # type: ignore[name-defined]
    except ValidationError as exc:
        raise PoisonMessage(f"unreadable {subscription.event_type}: {exc}") from exc


async def handle(subscription: Subscription[P], db: Database, delivery: Delivery) -> bool:
    """Handle one delivery; False when it was a duplicate."""
    try:
        envelope = parse(subscription, delivery.body)
    except PoisonMessage:
        EVENTS_HANDLED.labels(subscription.consumer, "poison").inc()
        raise
    attributes = {
        "messaging.consumer.group.name": subscription.consumer,
        "messaging.message.id": delivery.id,
        "machi.attempt": delivery.attempt,
    }
    span = tracing.consumer_span(
        subscription.event_type, delivery.headers, envelope.traceparent, attributes
    )
    with span, event_context(str(envelope.id), str(envelope.tenant_id)):
        try:
            handled = await _handle(subscription, db, envelope)
        except PoisonMessage:
            EVENTS_HANDLED.labels(subscription.consumer, "poison").inc()
            raise
        except Exception:
            EVENTS_HANDLED.labels(subscription.consumer, "error").inc()
            raise
    EVENTS_HANDLED.labels(subscription.consumer, "ok" if handled else "duplicate").inc()
    return handled


async def _handle(subscription: Subscription[P], db: Database, envelope: Envelope[P]) -> bool:
    async with db.transaction(envelope.tenant_id) as session:
        session.info[ACTOR_KEY] = envelope.actor
        if not await inbox.claim(session, subscription.consumer, envelope.id):
            log.info("duplicate event ignored", extra={"consumer": subscription.consumer})
            return False
        await subscription.handler(envelope, session)
    return True


async def start(subscriptions: list[Subscription[Any]], db: Database, bus: Bus) -> None:
    """Start consuming every subscription on `bus`."""
    for sub in subscriptions:

        async def callback(delivery: Delivery, sub: Subscription[Any] = sub) -> None:
            await handle(sub, db, delivery)

        await bus.subscribe(sub.consumer, [sub.event_type], callback)


async def sample_queue_depths(bus: Bus, consumers: Sequence[str]) -> None:
    """Set the queue-depth gauges of `consumers`, when the bus can count its queues."""
    reader: Callable[[str], Awaitable[dict[str, int]]] | None = getattr(bus, "queue_depths", None)
    if reader is None:
        return
    for name in consumers:
        for queue, depth in (await reader(name)).items():
            QUEUE_DEPTH.labels(name, queue).set(depth)
    unrouted: Callable[[], Awaitable[int]] | None = getattr(bus, "unrouted_depth", None)
    if unrouted is not None:
        UNROUTED_EVENTS.set(await unrouted())


async def watch_queue_depths(
    bus: Bus, consumers: Sequence[str], every: float = QUEUE_DEPTH_SAMPLE_SECONDS
) -> None:
    """Sample queue depths until cancelled; a broker outage only skips samples."""
    while True:
        try:
            await sample_queue_depths(bus, consumers)
        except Exception as exc:
            log.warning("queue depths not sampled", extra={"error": repr(exc)})
        await asyncio.sleep(every)
