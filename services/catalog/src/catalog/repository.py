"""Every catalog query. No commits here: the boundary commits."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Producer, Product
from kit.pagination import paginate


async def get_producer(session: AsyncSession, producer_id: uuid.UUID) -> Producer | None:
    return await session.get(Producer, producer_id)


async def list_producers(
    session: AsyncSession, *, cursor: str | None, limit: int
) -> tuple[list[Producer], str | None]:
    return await paginate(session, select(Producer), Producer, cursor=cursor, limit=limit)


async def get_product(session: AsyncSession, product_id: uuid.UUID) -> Product | None:
    return await session.get(Product, product_id)


async def slug_exists(session: AsyncSession, slug: str) -> bool:
    found = await session.execute(select(Product.id).where(Product.slug == slug))
    return found.first() is not None


async def list_products(
    session: AsyncSession,
    *,
    cursor: str | None,
    limit: int,
    producer_id: uuid.UUID | None = None,
    status: str | None = None,
) -> tuple[list[Product], str | None]:
    statement = select(Product)
    if producer_id is not None:
        statement = statement.where(Product.producer_id == producer_id)
    if status is not None:
        statement = statement.where(Product.status == status)
    return await paginate(session, statement, Product, cursor=cursor, limit=limit)


async def count_published(session: AsyncSession) -> int:
    count = await session.execute(
        select(func.count()).select_from(Product).where(Product.status == "published")
    )
    return int(count.scalar_one())
