"""Catalog use cases: load, change, record the event. Never commits."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from catalog import repository
from catalog.errors import NotPublishable, ProducerNotFound, ProductNotFound, SlugTaken
from catalog.models import Producer, Product
from catalog.schemas import ProducerCreate, ProductCreate
from contracts.catalog import Price, ProducerCreatedV1, ProductPublishedV1
from kit.auth import InternalPrincipal
from kit.errors import QuotaExceeded
from kit.events import outbox

ACTIVE_PRODUCTS_LIMIT = "active_products"


async def create_producer(session: AsyncSession, data: ProducerCreate) -> Producer:
    producer = Producer(kind=data.kind, name=data.name, story=data.story)
    session.add(producer)
    await session.flush()
    await outbox.add(
        session, ProducerCreatedV1(producer_id=producer.id, name=producer.name, kind=producer.kind)
    )
    return producer


async def create_product(session: AsyncSession, data: ProductCreate) -> Product:
    if await repository.get_producer(session, data.producer_id) is None:
        raise ProducerNotFound(f"no producer {data.producer_id}")
    if await repository.slug_exists(session, data.slug):
        raise SlugTaken(f"a product already uses the slug {data.slug!r}")
    product = Product(**data.model_dump())
    session.add(product)
    await session.flush()
    await session.refresh(product)
    return product


async def get_product(session: AsyncSession, product_id: uuid.UUID) -> Product:
    product = await repository.get_product(session, product_id)
    if product is None:
        raise ProductNotFound(f"no product {product_id}")
    return product


async def publish_product(
    session: AsyncSession, principal: InternalPrincipal, product_id: uuid.UUID
) -> Product:
    """Make a product public and tell the other services."""
    product = await get_product(session, product_id)
    if product.status == "published":
        return product
    if product.status == "archived":
        raise NotPublishable("an archived product cannot be published again")
    limit = principal.limits.get(ACTIVE_PRODUCTS_LIMIT)
    if limit is not None and await repository.count_published(session) >= limit:
        raise QuotaExceeded(f"the plan allows {limit} active products", limit=limit)
    producer = await repository.get_producer(session, product.producer_id)
    assert producer is not None  # foreign key
    product.status = "published"
    product.published_at = datetime.now(UTC)
    prices = []
    if product.price_amount is not None:
        prices.append(Price(amount=product.price_amount, currency=product.currency))
    await outbox.add(
        session,
        ProductPublishedV1(
            product_id=product.id,
            producer_id=producer.id,
            slug=product.slug,
            name=product.name,
            producer_name=producer.name,
            prices=prices,
        ),
    )
    await session.flush()
    await session.refresh(product)
    return product
