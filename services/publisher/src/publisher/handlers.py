"""Events the publisher consumes."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.catalog import ProductPublishedV1
from kit.events.consumer import subscribe
from kit.events.envelope import Envelope
from publisher import service


@subscribe(ProductPublishedV1, consumer="publisher.on-product-published")
async def on_product_published(event: Envelope[ProductPublishedV1], session: AsyncSession) -> None:
    """A newly published product gets a draft post for the writers."""
    await service.draft_for_published_product(session, event.payload, event.id)


SUBSCRIPTIONS = [on_product_published]
