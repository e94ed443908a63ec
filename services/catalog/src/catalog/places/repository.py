"""Every query on places."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog import i18n
from catalog.models import Place, Product
from kit.pagination import paginate


async def get_place(
    session: AsyncSession, place_id: uuid.UUID, *, lock: bool = False
) -> Place | None:
    """A place; `lock` reads it afresh and holds it until the transaction ends."""
    return await session.get(Place, place_id, with_for_update=lock, populate_existing=lock)


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
    updated_since: datetime | None = None,
) -> tuple[list[Place], str | None]:
    statement = select(Place)
    if kind is not None:
        statement = statement.where(Place.kind == kind)
    if status is not None:
        statement = statement.where(Place.status == status)
    if updated_since is not None:
        statement = statement.where(Place.updated_at >= updated_since)
    if text:
        statement = statement.where(Place.search_text.like(i18n.like_pattern(text)))
    return await paginate(session, statement, Place, cursor=cursor, limit=limit)


async def existing_products(session: AsyncSession, ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
    if not ids:
        return set()
    rows = await session.execute(select(Product.id).where(Product.id.in_(list(ids))))
    return set(rows.scalars())


def add(session: AsyncSession, place: Place) -> None:
    session.add(place)
