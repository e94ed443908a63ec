"""Events analytics consumes."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from analytics import repository
from contracts.catalog import ProductPublishedV1
from kit.events.consumer import subscribe
from kit.events.envelope import Envelope


@subscribe(ProductPublishedV1, consumer="analytics.on-product-published")
async def on_product_published(event: Envelope[ProductPublishedV1], session: AsyncSession) -> None:
    """A published product shows in the reports from the start, with zero clicks."""
    product = event.payload
    await repository.upsert_product(
        session,
        product_id=product.product_id,
        producer_id=product.producer_id,
        slug=product.slug,
        name=product.name,
    )


SUBSCRIPTIONS = [on_product_published]
