"""Products as analytics knows them (from catalog events), for the reports. No commits here."""

from __future__ import annotations

import uuid

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
) -> None:
    """Know a product (new or renamed) without touching its counters."""
    statement = insert(ProductStats).values(
        tenant_id=tenancy.current_tenant(session),
        product_id=product_id,
        producer_id=producer_id,
        slug=slug,
        name=name,
        clicks=0,
        orders=0,
        revenue=0,
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[ProductStats.product_id],
            set_={"slug": statement.excluded.slug, "name": statement.excluded.name},
        )
    )
