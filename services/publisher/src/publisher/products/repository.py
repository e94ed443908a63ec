"""Queries on the products read model. No commits here."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from kit import tenancy
from publisher.models import Product


async def upsert(session: AsyncSession, product_id: uuid.UUID, values: dict[str, Any]) -> None:
    """Insert or refresh one product of the session's tenant."""
    tenant = tenancy.current_tenant(session)
    statement = insert(Product).values(id=product_id, tenant_id=tenant, **values)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["id"], set_={**values, "updated_at": statement.excluded.updated_at}
        )
    )


async def get(session: AsyncSession, product_id: uuid.UUID) -> Product | None:
    return await session.get(Product, product_id)


async def get_many(session: AsyncSession, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Product]:
    rows = await session.execute(select(Product).where(Product.id.in_(list(ids))))
    return {p.id: p for p in rows.scalars()}


async def offered(
    session: AsyncSession, *, category: str | None = None, producer_id: uuid.UUID | None = None
) -> list[Product]:
    """The tenant's products not archived, newest first, of a category or producer if given."""
    statement = select(Product).where(Product.status != "archived")
    if category is not None:
        statement = statement.where(Product.category == category)
    if producer_id is not None:
        statement = statement.where(Product.producer_id == producer_id)
    rows = await session.execute(statement.order_by(Product.created_at.desc(), Product.id))
    return list(rows.scalars())
