"""Every query on media rows."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Media


async def get_media(session: AsyncSession, media_id: uuid.UUID) -> Media | None:
    return await session.get(Media, media_id)


def add(session: AsyncSession, media: Media) -> None:
    session.add(media)


async def existing_media(session: AsyncSession, ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
    """Which of `ids` are the tenant's media."""
    if not ids:
        return set()
    rows = await session.execute(select(Media.id).where(Media.id.in_(list(ids))))
    return set(rows.scalars())
