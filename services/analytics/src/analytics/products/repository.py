"""Products as analytics knows them (from catalog events), for the reports. No commits here."""

from __future__ import annotations

import uuid

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from analytics.models import ProductStats
from kit import tenancy


async def upsert_product(
    session: AsyncSession,
    *,
    product_id: uuid.UUID,
    producer_id: uuid.UUID,
    slug: str,
    name: dict[str, str],
    store_url: str | None,
) -> None:
    """Know a product (new or renamed) without touching its counters."""
    statement = insert(ProductStats).values(
        tenant_id=tenancy.current_tenant(session),
        product_id=product_id,
        producer_id=producer_id,
        slug=slug,
        name=name,
        store_url=store_url,
        clicks=0,
        orders=0,
        revenue=0,
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[ProductStats.product_id],
            set_={
                "slug": statement.excluded.slug,
                "name": statement.excluded.name,
                "store_url": statement.excluded.store_url,
            },
        )
    )


async def set_store_url(
    session: AsyncSession, product_id: uuid.UUID, store_url: str | None
) -> None:
    """Follow a known product's first listing (a product not yet known is left to its
    published event)."""
    await session.execute(
        update(ProductStats)
        .where(ProductStats.product_id == product_id)
        .values(store_url=store_url)
    )


async def with_store_url(session: AsyncSession) -> list[ProductStats]:
    """The tenant's products that have a store listing (RLS scopes the query)."""
    statement = select(ProductStats).where(ProductStats.store_url.is_not(None))
    return list((await session.execute(statement)).scalars())
