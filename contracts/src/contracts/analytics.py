"""Events analytics publishes."""

from __future__ import annotations

import uuid
from datetime import datetime

from contracts.base import Event, register


@register
class LinkCreatedV1(Event):
    """The tracked link `code` answers at `/r/{code}`."""

    event_type = "analytics.link.created.v1"

    link_id: uuid.UUID
    code: str
    short_url: str
    delivery_id: uuid.UUID | None = None


@register
class LinkRoutedV1(Event):
    """Where `/r/{code}` leads from now on: `destination` (UTM tags applied), or nowhere when
    it is None (the link was dropped, as when its store domain is no longer the town's). For
    the processes that answer `/r/{code}` from memory; the latest event of a code wins."""

    event_type = "analytics.link.routed.v1"

    code: str
    link_id: uuid.UUID
    destination: str | None
    expires_at: datetime | None = None
    dimensions: dict[str, str] = {}


@register
class ClicksRecordedV1(Event):
    """A batch of human clicks written (bots excluded), per link: for usage and live counters."""

    event_type = "analytics.click.recorded.v1"

    counts: dict[str, int]  # link code -> clicks in this batch
    window_start: datetime
    window_end: datetime


@register
class ConversionRecordedV1(Event):
    event_type = "analytics.conversion.recorded.v1"

    conversion_id: uuid.UUID
    order_id: str
    store: str
    amount: int
    currency: str
    link_code: str | None = None
    product_id: uuid.UUID | None = None
    producer_id: uuid.UUID | None = None


@register
class LinkRefusedV1(Event):
    """A requested link was not created (destination not allowed, code taken): the delivery
    that asked for it must not be published."""

    event_type = "analytics.link.refused.v1"

    code: str
    delivery_id: uuid.UUID | None = None
    reason: str
