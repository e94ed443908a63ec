"""Every query on media rows, and on the products and places that use them."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.i18n import like_pattern
from catalog.models import Media, Place, Product
from kit.pagination import paginate

USES_SHOWN = 200  # products (and places) listed as a photo's usage


async def get_media(
    session: AsyncSession, media_id: uuid.UUID, *, lock: bool = False
) -> Media | None:
    """A media row; `lock` reads it afresh and holds it until the transaction ends."""
    return await session.get(Media, media_id, with_for_update=lock, populate_existing=lock)


def add(session: AsyncSession, media: Media) -> None:
    session.add(media)


async def existing_media(session: AsyncSession, ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
    """Which of `ids` are the tenant's media."""
    if not ids:
        return set()
    rows = await session.execute(select(Media.id).where(Media.id.in_(list(ids))))
    return set(rows.scalars())


async def alts_of(
    session: AsyncSession, ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Any]]:
    """The library's alt text of each of `ids` that has some."""
    if not ids:
        return {}
    rows = await session.execute(select(Media.id, Media.alt).where(Media.id.in_(list(ids))))
    return {media_id: alt for media_id, alt in rows.all() if alt}


async def list_media(
    session: AsyncSession,
    *,
    cursor: str | None,
    limit: int,
    text: str | None,
    updated_since: datetime | None,
) -> tuple[list[Media], str | None]:
    statement = select(Media)
    if text:
        statement = statement.where(Media.search_text.like(like_pattern(text)))
    if updated_since is not None:
        statement = statement.where(Media.updated_at >= updated_since)
    return await paginate(session, statement, Media, cursor=cursor, limit=limit)


def _holding(media_id: uuid.UUID) -> list[dict[str, str]]:
    """A JSONB containment operand: an attachment list holding `media_id` (`@>`)."""
    return [{"media_id": str(media_id)}]


async def products_using(
    session: AsyncSession,
    media_id: uuid.UUID,
    *,
    only_producers: Collection[uuid.UUID] | None = None,
    limit: int | None = USES_SHOWN,
    lock: bool = False,
) -> list[Product]:
    """Products with `media_id` among their photos, newest first (`limit` of them)."""
    statement = select(Product).where(Product.media.contains(_holding(media_id)))
    if only_producers is not None:
        statement = statement.where(Product.producer_id.in_(list(only_producers)))
    statement = statement.order_by(Product.created_at.desc(), Product.id.desc()).limit(limit)
    if lock:
        statement = statement.with_for_update()
    return list((await session.execute(statement)).scalars())


async def places_using(
    session: AsyncSession,
    media_id: uuid.UUID,
    *,
    limit: int | None = USES_SHOWN,
    lock: bool = False,
) -> list[Place]:
    """Places with `media_id` among their photos, newest first (`limit` of them)."""
    statement = (
        select(Place)
        .where(Place.media.contains(_holding(media_id)))
        .order_by(Place.created_at.desc(), Place.id.desc())
        .limit(limit)
    )
    if lock:
        statement = statement.with_for_update()
    return list((await session.execute(statement)).scalars())
