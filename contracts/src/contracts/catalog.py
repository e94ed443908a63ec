"""Events the catalog publishes."""

from __future__ import annotations

import uuid

from pydantic import BaseModel

from contracts.base import Event, register


class Price(BaseModel):
    amount: int  # minor units (yen have none: 1980 is ¥1,980)
    currency: str


@register
class ProducerCreatedV1(Event):
    event_type = "catalog.producer.created.v1"

    producer_id: uuid.UUID
    name: dict[str, str]
    kind: str


@register
class ProductPublishedV1(Event):
    event_type = "catalog.product.published.v1"

    product_id: uuid.UUID
    producer_id: uuid.UUID
    slug: str
    name: dict[str, str]  # language code -> name
    producer_name: dict[str, str]
    prices: list[Price] = []
    media_urls: list[str] = []
    storefront_urls: list[str] = []
