"""Media use cases: check an upload, make its renditions, store them, record the row."""

from __future__ import annotations

import asyncio
import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from catalog.errors import MediaNotFound
from catalog.media import images, repository
from catalog.media.storage import Storage
from catalog.models import Media

EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png"}


def key(media_id: uuid.UUID, rendition: str, content_type: str) -> str:
    """Storage key of one rendition."""
    return f"{media_id}/{rendition}.{EXTENSIONS[content_type]}"


async def upload(
    session: AsyncSession,
    storage: Storage,
    data: bytes,
    filename: str | None,
    max_pixels: int,
) -> Media:
    """Store an image and its renditions; refuse anything that is not one (4xx)."""
    processed = await asyncio.to_thread(images.process, data, max_pixels)
    media_id = uuid.uuid4()
    renditions = {}
    for rendition in processed.renditions:
        storage_key = key(media_id, rendition.name, rendition.content_type)
        await storage.put(storage_key, rendition.data)
        renditions[rendition.name] = {
            "key": storage_key,
            "width": rendition.width,
            "height": rendition.height,
            "content_type": rendition.content_type,
        }
    media = Media(
        id=media_id,
        content_type=processed.content_type,
        width=processed.width,
        height=processed.height,
        size_bytes=len(data),
        filename=(filename or "")[:200] or None,
        renditions=renditions,
    )
    repository.add(session, media)
    await session.flush()
    await session.refresh(media)
    return media


async def get(session: AsyncSession, media_id: uuid.UUID) -> Media:
    media = await repository.get_media(session, media_id)
    if media is None:
        raise MediaNotFound(f"no media {media_id}")
    return media


async def read_rendition(
    storage: Storage, media_id: uuid.UUID, rendition: str
) -> tuple[bytes, str]:
    """A rendition's bytes and type, found by key alone (public: no tenant needed)."""
    for content_type in EXTENSIONS:
        data = await storage.get(key(media_id, rendition, content_type))
        if data is not None:
            return data, content_type
    raise MediaNotFound(f"no {rendition} of media {media_id}")
