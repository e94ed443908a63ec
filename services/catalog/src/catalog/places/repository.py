"""Every query on places."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Place, Product
from catalog.repository import like_pattern
from kit.pagination import paginate


async def get_place(session: AsyncSession, place_id: uuid.UUID) -> Place | None:
    return await session.get(Place, place_id)


async def slug_exists(session: AsyncSession, slug: str) -> bool:
    found = await session.execute(select(Place.id).where(Place.slug == slug))
    return found.first() is not None


async def list_places(
    session: AsyncSession,
    *,
    cursor: str | None,
    limit: int,
    kind: str | None,
    status: str | None,
    text: str | None,
) -> tuple[list[Place], str | None]:
    statement = select(Place)
    if kind is not None:
        statement = statement.where(Place.kind == kind)
    if status is not None:
        statement = statement.where(Place.status == status)
    if text:
        statement = statement.where(Place.search_text.like(like_pattern(text)))
    return await paginate(session, statement, Place, cursor=cursor, limit=limit)


async def existing_products(session: AsyncSession, ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
    if not ids:
        return set()
    rows = await session.execute(select(Product.id).where(Product.id.in_(list(ids))))
    return set(rows.scalars())


def add(session: AsyncSession, place: Place) -> None:
    session.add(place)
