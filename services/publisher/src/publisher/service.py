"""Publisher use cases. Never commits."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.catalog import ProductPublishedV1
from publisher.models import Post

DEFAULT_LANGUAGE = "ja"


def draft_text(product: ProductPublishedV1, language: str = DEFAULT_LANGUAGE) -> str:
    """A first draft a writer will rework: name and producer, in the town's language."""
    name = product.name.get(language) or next(iter(product.name.values()), product.slug)
    producer = product.producer_name.get(language) or next(iter(product.producer_name.values()), "")
    return f"{name} / {producer}" if producer else name


async def draft_for_published_product(
    session: AsyncSession, product: ProductPublishedV1, event_id: uuid.UUID
) -> Post:
    post = Post(text=draft_text(product), product_id=product.product_id, source_event_id=event_id)
    session.add(post)
    await session.flush()
    return post
