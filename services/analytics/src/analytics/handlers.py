"""Events analytics consumes."""

from __future__ import annotations

import logging
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from analytics import settings as analytics_settings
from analytics.conversations import service as conversations
from analytics.errors import CodeTaken, DestinationRefused
from analytics.insights import service as insights
from analytics.links import service as links
from analytics.links.schemas import LinkCreate
from analytics.products import repository as products_repo
from analytics.reports import service as reports
from analytics.tracking import service as tracking
from contracts.analytics import LinkRefusedV1
from contracts.catalog import ProductPublishedV1, ProductUpdatedV1
from contracts.gateway import TenantCreatedV1, TenantUpdatedV1
from contracts.publisher import (
    ConversationAssignedV1,
    ConversationClosedV1,
    ConversationOpenedV1,
    ConversationReopenedV1,
    ConversationRepliedV1,
    DeliveryPublishedV1,
    InsightsCollectedV1,
    LinkRequestedV1,
)
from kit.errors import ProblemError
from kit.events import outbox
from kit.events.consumer import Subscription, subscribe
from kit.events.envelope import Envelope

log = logging.getLogger(__name__)


@subscribe(ProductPublishedV1, consumer="analytics.on-product-published")
async def on_product_published(event: Envelope[ProductPublishedV1], session: AsyncSession) -> None:
    """A published product shows in the reports from the start, with zero clicks."""
    product = event.payload
    await products_repo.upsert_product(
        session,
        product_id=product.product_id,
        producer_id=product.producer_id,
        slug=product.slug,
        name=product.name,
        store_url=_first(product.storefront_urls),
    )
    await _city_page_link(session, product)


@subscribe(ProductUpdatedV1, consumer="analytics.on-product-updated")
async def on_product_updated(event: Envelope[ProductUpdatedV1], session: AsyncSession) -> None:
    """A listing added or changed moves the product's city page buy link with it."""
    product = event.payload
    await products_repo.set_store_url(session, product.product_id, _first(product.storefront_urls))
    if product.status == "published":
        await _city_page_link(session, product)


def _first(urls: list[str]) -> str | None:
    return urls[0] if urls else None


async def _city_page_link(
    session: AsyncSession, product: ProductPublishedV1 | ProductUpdatedV1
) -> None:
    """The public pages' buy button is a tracked link: one per product, to its first listing."""
    if not product.storefront_urls:
        return
    await links.for_city_page(
        session,
        analytics_settings.current(),
        product_id=product.product_id,
        producer_id=product.producer_id,
        store_url=product.storefront_urls[0],
    )


@subscribe(LinkRequestedV1, consumer="analytics.on-link-requested")
async def on_link_requested(event: Envelope[LinkRequestedV1], session: AsyncSession) -> None:
    """Create the delivery's tracked link (idempotent by code) and answer with link.created."""
    request = event.payload
    try:
        data = LinkCreate(
            destination=request.destination,
            code=request.code,
            utm=request.utm,
            post_id=request.post_id,
            channel_id=request.channel_id,
            platform=request.platform,
            product_id=request.product_id,
            producer_id=request.producer_id,
            place_id=request.place_id,
            campaign_id=request.campaign_id,
        )
        await links.for_delivery(session, data, analytics_settings.current(), request.delivery_id)
    except (DestinationRefused, CodeTaken, ValidationError) as refused:
        # Retrying cannot help; tell the publisher so the delivery fails visibly.
        log.warning("link request refused", extra={"code": request.code})
        reason = refused.detail if isinstance(refused, ProblemError) else "invalid link request"
        await outbox.add(
            session,
            LinkRefusedV1(code=request.code, delivery_id=request.delivery_id, reason=reason),
        )


@subscribe(DeliveryPublishedV1, consumer="analytics.on-delivery-published")
async def on_delivery_published(
    event: Envelope[DeliveryPublishedV1], session: AsyncSession
) -> None:
    """Know the post behind a delivery: its permalink, channel, time (for best times, usage)."""
    await reports.record_delivery(session, event.payload)


@subscribe(TenantCreatedV1, consumer="analytics.on-tenant-created")
async def on_tenant_created(event: Envelope[TenantCreatedV1], session: AsyncSession) -> None:
    """Keep the tenant's store domains, timezone and population in its settings row."""
    await tracking.on_tenant_created(
        session,
        event.tenant_id,
        event.payload,
        analytics_settings.current().attribution_window_days,
    )
    # Products published before this event found no store domains: their links are made now.
    await links.make_missing_city_page_links(session, analytics_settings.current())


@subscribe(TenantUpdatedV1, consumer="analytics.on-tenant-updated")
async def on_tenant_updated(event: Envelope[TenantUpdatedV1], session: AsyncSession) -> None:
    """Reports follow the tenant's current timezone and population; links its store domains."""
    settings = analytics_settings.current()
    await tracking.on_tenant_updated(
        session, event.tenant_id, event.payload, settings.attribution_window_days
    )
    await links.follow_store_domains(session, settings)
    await links.make_missing_city_page_links(session, settings)


@subscribe(InsightsCollectedV1, consumer="analytics.on-insights-collected")
async def on_insights_collected(
    event: Envelope[InsightsCollectedV1], session: AsyncSession
) -> None:
    """The publisher's pull of a channel's numbers becomes snapshots (followers feed the
    overview); the inbox makes a redelivered pull count once."""
    await insights.record_collected(session, event.payload)


# The inbox's milestones for the response-time report: each event folds into one row per
# conversation, the same whatever order they arrive in (analytics.conversations).


@subscribe(ConversationOpenedV1, consumer="analytics.on-conversation-opened")
async def on_conversation_opened(
    event: Envelope[ConversationOpenedV1], session: AsyncSession
) -> None:
    await conversations.record(session, event.payload)


@subscribe(ConversationAssignedV1, consumer="analytics.on-conversation-assigned")
async def on_conversation_assigned(
    event: Envelope[ConversationAssignedV1], session: AsyncSession
) -> None:
    await conversations.record(session, event.payload)


@subscribe(ConversationRepliedV1, consumer="analytics.on-conversation-replied")
async def on_conversation_replied(
    event: Envelope[ConversationRepliedV1], session: AsyncSession
) -> None:
    await conversations.record(session, event.payload)


@subscribe(ConversationClosedV1, consumer="analytics.on-conversation-closed")
async def on_conversation_closed(
    event: Envelope[ConversationClosedV1], session: AsyncSession
) -> None:
    await conversations.record(session, event.payload)


@subscribe(ConversationReopenedV1, consumer="analytics.on-conversation-reopened")
async def on_conversation_reopened(
    event: Envelope[ConversationReopenedV1], session: AsyncSession
) -> None:
    await conversations.record(session, event.payload)


SUBSCRIPTIONS: list[Subscription[Any]] = [
    on_product_published,
    on_product_updated,
    on_link_requested,
    on_delivery_published,
    on_tenant_created,
    on_tenant_updated,
    on_insights_collected,
    on_conversation_opened,
    on_conversation_assigned,
    on_conversation_replied,
    on_conversation_closed,
    on_conversation_reopened,
]
