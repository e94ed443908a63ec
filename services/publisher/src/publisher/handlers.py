"""Events the publisher consumes: the catalog's products (a read model templates and tracked
links fill from) and analytics' answers to a tracked-link request (created or refused)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.analytics import LinkCreatedV1, LinkRefusedV1
from contracts.catalog import (
    ProductArchivedV1,
    ProductPublishedV1,
    ProductUpdatedV1,
    StockChangedV1,
)
from kit.events.consumer import Subscription, subscribe
from kit.events.envelope import Envelope
from publisher.dispatch import repository as deliveries
from publisher.dispatch import service as dispatch
from publisher.posts import service as posts
from publisher.products import service as products
from publisher.settings import PublisherSettings
from publisher.tenants import service as tenants


@subscribe(ProductPublishedV1, consumer="publisher.on-product-published")
async def on_product_published(event: Envelope[ProductPublishedV1], session: AsyncSession) -> None:
    """Remember the product; draft a post for the writers if the town asks for it."""
    await products.remember_published(session, event.payload)
    prefs = await tenants.current(session, PublisherSettings().default_timezone)
    if prefs.auto_draft_on_publish:
        await posts.draft_for_published_product(session, event.payload, event.id)


@subscribe(ProductUpdatedV1, consumer="publisher.on-product-updated")
async def on_product_updated(event: Envelope[ProductUpdatedV1], session: AsyncSession) -> None:
    """Templates and links use the product's current names, prices and store pages."""
    await products.remember_published(session, event.payload)


@subscribe(ProductArchivedV1, consumer="publisher.on-product-archived")
async def on_product_archived(event: Envelope[ProductArchivedV1], session: AsyncSession) -> None:
    """An archived product is offered to no new post."""
    await products.forget_archived(session, event.payload)


@subscribe(StockChangedV1, consumer="publisher.on-stock-changed")
async def on_stock_changed(event: Envelope[StockChangedV1], session: AsyncSession) -> None:
    """Campaigns pass over a product that sold out; a delivery about it is skipped."""
    await products.remember_stock(session, event.payload)


@subscribe(LinkCreatedV1, consumer="publisher.on-link-created")
async def on_link_created(event: Envelope[LinkCreatedV1], session: AsyncSession) -> None:
    """The delivery's tracked link exists now: it may be published."""
    delivery = await deliveries.by_link_code(session, event.payload.code)
    if delivery is None:
        return  # a link another service asked for
    delivery.short_url = event.payload.short_url
    delivery.link_ready = True
    await deliveries.wake_dispatcher(session)


@subscribe(LinkRefusedV1, consumer="publisher.on-link-refused")
async def on_link_refused(event: Envelope[LinkRefusedV1], session: AsyncSession) -> None:
    """The delivery's tracked link will never exist: it fails now instead of waiting forever."""
    await dispatch.link_refused(session, event.payload.code, event.payload.reason)


SUBSCRIPTIONS: list[Subscription[Any]] = [
    on_product_published,
    on_product_updated,
    on_product_archived,
    on_stock_changed,
    on_link_created,
    on_link_refused,
]
