"""Keep the edge's link directory in step with analytics: every gateway process follows
`analytics.link.routed.v1` on its own broadcast copy (no shared queue, no inbox: setting a code
twice is harmless, and an event missed while the broker is away only leaves an entry until it
expires)."""

from __future__ import annotations

import logging

from contracts.analytics import LinkRoutedV1
from gateway.redirect.service import Edge
from kit.events.bus import Bus, Delivery
from kit.events.envelope import Envelope

log = logging.getLogger(__name__)


async def follow_routes(bus: Bus, edge: Edge) -> None:
    """Apply each link's routing to `edge`'s directory, from now on."""

    async def on_routed(delivery: Delivery) -> None:
        try:
            envelope = Envelope[LinkRoutedV1].model_validate_json(delivery.body)
        except ValueError:
            log.warning("unreadable link routing event", extra={"event_id": delivery.id})
            return
        routed = envelope.payload
        if routed.destination is None:
            edge.route(routed.code, None)
            return
        edge.route(routed.code, {**routed.model_dump(), "tenant_id": envelope.tenant_id})

    await bus.broadcast([LinkRoutedV1.event_type], on_routed)
