"""Consumers of the events partners can subscribe to: each owes the event, once (inbox), to
every endpoint of its town that wants it, in the same transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.webhooks import service
from gateway.webhooks.schemas import EVENT_TYPES, EventType
from kit.events.consumer import Subscription, subscribe
from kit.events.envelope import Envelope


def _subscription(event_type: EventType) -> Subscription[Any]:
    consumer = f"gateway.on-{event_type.name.replace('.', '-').replace('_', '-')}"

    @subscribe(event_type.source, consumer=consumer)
    async def on_event(event: Envelope[Any], session: AsyncSession) -> None:
        """Owe the event to the endpoints that want it."""
        await service.enqueue(session, event)

    return on_event


SUBSCRIPTIONS: list[Subscription[Any]] = [_subscription(e) for e in EVENT_TYPES.values()]
