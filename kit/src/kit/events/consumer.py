"""`subscribe`: handlers hold business code only; this wrapper does the rest, in this order:

1. parse the envelope and payload, or dead-letter the message as poison;
2. open a transaction scoped to the event's tenant;
3. claim the inbox row, or stop (a duplicate: acked with no second effect);
4. run the handler; 5. commit; 6. only then let the bus ack.
A handler exception rolls everything back and the bus retries later.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from kit.db import Database
from kit.events import inbox
from kit.events.bus import Bus, Delivery
from kit.events.envelope import Envelope, PoisonMessage
from kit.events.outbox import ACTOR_KEY
from kit.logs import event_context

log = logging.getLogger(__name__)

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
    envelope = parse(subscription, delivery.body)
    with event_context(str(envelope.id), str(envelope.tenant_id)):
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
