"""Events the catalog publishes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from contracts.base import Event, register


class Price(BaseModel):
    amount: int  # minor units (yen have none: 1980 is ¥1,980)
    currency: str


class Media(BaseModel):
    """One picture: the URL of each rendition (original, thumbnail, web, portrait 4:5,
    landscape 1.91:1 for the social platforms) and its alt text per language."""

    media_id: uuid.UUID
    urls: dict[str, str] = {}
    alt: dict[str, str] = {}


@register
class ProducerCreatedV1(Event):
    event_type = "catalog.producer.created.v1"

    producer_id: uuid.UUID
    name: dict[str, str]
    kind: str
    # Added within v1 (consumers ignore what they do not know):
    story: dict[str, str] = {}
    visibility: str = "public"
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    social: dict[str, str] = {}  # public handles, e.g. {"instagram": "takeo_garlic"}


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
    description: dict[str, str] = {}
    producer_story: dict[str, str] = {}  # added within v1: the producer's story per language
    tags: list[str] = []
    category: str | None = None
    # Added within v1: every picture with its renditions and alt text (media_urls: web only).
    media: list[Media] = []
    # Added within v1, what campaigns choose by (rules "in season now", "in stock"): the season
    # months (1-12, empty: all year), the sale window, and each variant's stock (variant id ->
    # units; None: not counted, made to order or untracked).
    season_months: list[int] = []
    available_from: datetime | None = None
    available_until: datetime | None = None
    stock: dict[str, int | None] = {}


@register
class ProducerUpdatedV1(Event):
    event_type = "catalog.producer.updated.v1"

    producer_id: uuid.UUID
    name: dict[str, str]
    kind: str
    story: dict[str, str] = {}
    visibility: str = "public"
    # Added within v1:
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    social: dict[str, str] = {}


@register
class ProductUpdatedV1(Event):
    """A product changed; carries the same picture as `ProductPublishedV1`, plus its status."""

    event_type = "catalog.product.updated.v1"

    product_id: uuid.UUID
    producer_id: uuid.UUID
    slug: str
    status: str
    name: dict[str, str]
    producer_name: dict[str, str]
    description: dict[str, str] = {}
    producer_story: dict[str, str] = {}  # added within v1: the producer's story per language
    prices: list[Price] = []
    media_urls: list[str] = []
    storefront_urls: list[str] = []
    tags: list[str] = []
    category: str | None = None
    media: list[Media] = []  # added within v1
    # Added within v1, what campaigns choose by (rules "in season now", "in stock"): the season
    # months (1-12, empty: all year), the sale window, and each variant's stock (variant id ->
    # units; None: not counted, made to order or untracked).
    season_months: list[int] = []
    available_from: datetime | None = None
    available_until: datetime | None = None
    stock: dict[str, int | None] = {}


@register
class ProductArchivedV1(Event):
    event_type = "catalog.product.archived.v1"

    product_id: uuid.UUID
    producer_id: uuid.UUID
    slug: str
    name: dict[str, str]
    producer_name: dict[str, str] = {}  # added within v1


@register
class StockChangedV1(Event):
    """Stock or price of one variant changed: in a store (seen by a sync, `storefront_id` and
    `listing_id` set) or in the catalog itself (both None)."""

    event_type = "catalog.product.stock_changed.v1"

    product_id: uuid.UUID
    variant_id: uuid.UUID
    sku: str
    stock: int | None  # None: not counted (made to order, or untracked by the store)
    storefront_id: uuid.UUID | None = None
    listing_id: uuid.UUID | None = None
    previous_stock: int | None = None
    price: Price | None = None
    previous_price: Price | None = None
    url: str | None = None
    # Added within v1: what a "back in stock" post names.
    slug: str | None = None
    name: dict[str, str] = {}


@register
class PlacePublishedV1(Event):
    event_type = "catalog.place.published.v1"

    place_id: uuid.UUID
    slug: str
    kind: str
    name: dict[str, str]
    description: dict[str, str] = {}
    latitude: float | None = None
    longitude: float | None = None
    media_urls: list[str] = []
    related_product_ids: list[uuid.UUID] = []
    # Added within v1:
    address: str | None = None
    opening_hours: list[dict[str, Any]] = []
    media: list[Media] = []
