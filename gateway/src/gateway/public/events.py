"""Forget a town's cached public pages when its products, places, posts or links change.

Every gateway process keeps its own cache, so each listens on its own broadcast copy of the
events (`Bus.broadcast`: no shared queue, no inbox; dropping twice is harmless, and an event
missed while the broker is away only leaves a page until its TTL).
"""

from __future__ import annotations

import json
import logging
import uuid

from contracts.analytics import LinkCreatedV1
from contracts.catalog import (
    PlacePublishedV1,
    ProductArchivedV1,
    ProductPublishedV1,
    ProductUpdatedV1,
    StockChangedV1,
)
from contracts.publisher import DeliveryPublishedV1
from gateway.public.api import PublicState
from kit.events.bus import Bus, Delivery

log = logging.getLogger(__name__)

CHANGES = tuple(
    event.event_type
    for event in (
        ProductPublishedV1,
        ProductUpdatedV1,
        ProductArchivedV1,
        StockChangedV1,
        PlacePublishedV1,
        DeliveryPublishedV1,
        LinkCreatedV1,  # a product's buy link appears after the product (analytics makes it)
    )
)


def tenant_of(delivery: Delivery) -> uuid.UUID | None:
    """The envelope's tenant, or None for a body that is not an envelope."""
    try:
        return uuid.UUID(str(json.loads(delivery.body)["tenant_id"]))
    except (ValueError, KeyError, TypeError):
        return None


async def follow_changes(bus: Bus, public: PublicState) -> None:
    """Drop the town of every changing event from `public`'s caches, from now on."""

    async def on_change(delivery: Delivery) -> None:
        tenant = tenant_of(delivery)
        if tenant is None:
            log.warning("event without a tenant", extra={"event_id": delivery.id})
            return
        public.drop_tenant(tenant)

    await bus.broadcast(CHANGES, on_change)
