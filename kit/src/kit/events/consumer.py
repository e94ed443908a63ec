"""`subscribe`: handlers hold business code only; this wrapper does the rest, in this order:

1. parse the envelope and payload, or dead-letter the message as poison;
2. open a transaction scoped to the event's tenant;
3. claim the inbox row, or stop (a duplicate: acked with no second effect);
4. run the handler; 5. commit; 6. only then let the bus ack.
A handler exception rolls everything back and the bus retries later.

A subscription declared `batch=True` (its handler only writes through the session it is given:
no call out, nothing that must not happen twice) shares steps 2 to 5 with the deliveries that
arrive together: one transaction claims all their inbox rows in one statement and runs their
handlers one after the other (each under its event's tenant, flushed and forgotten before the
next), then commits once; each delivery is acked after that commit. If any of them fails, the
transaction is rolled back and each is handled again alone, in a transaction of its own
(`kit.groupcommit`): the failing one is retried or dead-lettered as before, the others commit.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from kit import tenancy, tracing
from kit.db import Database
from kit.events import inbox
from kit.events.bus import Bus, Delivery
from kit.events.envelope import Envelope, PoisonMessage
from kit.events.outbox import ACTOR_KEY
from kit.groupcommit import GroupCommit
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
    batch: bool = False  # the handler only writes through its session: see the module's notes

    @property
    def event_type(self) -> str:
        return str(getattr(self.payload_model, "event_type"))  # noqa: B009


def subscribe(
    payload_model: type[P], *, consumer: str, batch: bool = False
) -> Callable[[HandlerFn[P]], Subscription[P]]:
    """Declare `handler` as consumer `consumer` of `payload_model`'s event type; `batch`: its
    deliveries that arrive together may share one transaction (the handler only writes through
    its session)."""

    def decorate(handler: HandlerFn[P]) -> Subscription[P]:
        return Subscription(
            consumer=consumer, payload_model=payload_model, handler=handler, batch=batch
        )

    return decorate


def parse(subscription: Subscription[P], body: bytes) -> Envelope[P]:
    try:
        return Envelope[subscription.payload_model].model_validate_json(body)  # type: ignore[name-defined]
    except ValidationError as exc:
        raise PoisonMessage(f"unreadable {subscription.event_type}: {exc}") from exc


def _span(subscription: Subscription[P], delivery: Delivery, envelope: Envelope[P]) -> Any:
    attributes = {
        "messaging.consumer.group.name": subscription.consumer,
        "messaging.message.id": delivery.id,
        "machi.attempt": delivery.attempt,
    }
    return tracing.consumer_span(
        subscription.event_type, delivery.headers, envelope.traceparent, attributes
    )


async def handle(
    subscription: Subscription[P],
    db: Database,
    delivery: Delivery,
    group: Batch[P] | None = None,
) -> bool:
    """Handle one delivery (with `group`, together with those arriving at the same time);
    False when it was a duplicate."""
    try:
        envelope = parse(subscription, delivery.body)
    except PoisonMessage:
        EVENTS_HANDLED.labels(subscription.consumer, "poison").inc()
        raise
    try:
        if group is not None:
            handled = await group.submit((delivery, envelope))
        else:
            context = event_context(str(envelope.id), str(envelope.tenant_id))
            with _span(subscription, delivery, envelope), context:
                handled = await _handle(subscription, db, envelope)
    except PoisonMessage:
        EVENTS_HANDLED.labels(subscription.consumer, "poison").inc()
        raise
    except Exception:
        EVENTS_HANDLED.labels(subscription.consumer, "error").inc()
        raise
    if not handled:
        with event_context(str(envelope.id), str(envelope.tenant_id)):
            log.info("duplicate event ignored", extra={"consumer": subscription.consumer})
    EVENTS_HANDLED.labels(subscription.consumer, "ok" if handled else "duplicate").inc()
    return handled


async def _handle(subscription: Subscription[P], db: Database, envelope: Envelope[P]) -> bool:
    async with db.transaction(envelope.tenant_id) as session:
        session.info[ACTOR_KEY] = envelope.actor
        if not await inbox.claim(session, subscription.consumer, envelope.id):
            return False
        await subscription.handler(envelope, session)
    return True


class Batch(GroupCommit[tuple[Delivery, Envelope[P]], bool]):
    """The deliveries of one batchable subscription that arrive together, in one transaction."""

    def __init__(self, subscription: Subscription[P], db: Database, max_items: int = 200):
        super().__init__(db, self._apply_group, max_items=max_items)
        self.subscription = subscription

    async def _apply_group(
        self, session: AsyncSession, items: list[tuple[Delivery, Envelope[P]]]
    ) -> list[bool]:
        sub = self.subscription
        handled = [False] * len(items)
        tenants: dict[uuid.UUID, list[int]] = {}
        for index, (_, envelope) in enumerate(items):
            tenants.setdefault(envelope.tenant_id, []).append(index)
        for tenant_id, indexes in tenants.items():
            await tenancy.set_tenant(session, tenant_id)
            ids = [items[i][1].id for i in indexes]
            new = await inbox.claim_many(session, sub.consumer, ids)
            for index in indexes:
                delivery, envelope = items[index]
                if envelope.id not in new:
                    continue  # a duplicate, or the same event twice in this group
                new.discard(envelope.id)
                session.info[ACTOR_KEY] = envelope.actor
                context = event_context(str(envelope.id), str(envelope.tenant_id))
                with _span(sub, delivery, envelope), context:
                    await sub.handler(envelope, session)
                    await session.flush()
                session.expunge_all()  # the next handler starts from a clean session, as alone
                handled[index] = True
        return handled


async def start(subscriptions: list[Subscription[Any]], db: Database, bus: Bus) -> None:
    """Start consuming every subscription on `bus`."""
    for sub in subscriptions:
        group = Batch(sub, db) if sub.batch else None

        async def callback(
            delivery: Delivery, sub: Subscription[Any] = sub, group: Batch[Any] | None = group
        ) -> None:
            await handle(sub, db, delivery, group)

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
