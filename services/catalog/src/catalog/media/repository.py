"""Every query on media rows."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Media


async def get_media(session: AsyncSession, media_id: uuid.UUID) -> Media | None:
    return await session.get(Media, media_id)


def add(session: AsyncSession, media: Media) -> None:
    session.add(media)
