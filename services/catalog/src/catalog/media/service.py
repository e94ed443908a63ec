"""Media use cases: check an upload, make its renditions, store them, record the row; the
library's search, alt text and where each photo is used."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy.ext.asyncio import AsyncSession

from catalog import access, i18n
from catalog.errors import MediaNotFound, MediaTooLarge
from catalog.media import images, repository
from catalog.media.schemas import MediaUpdate
from catalog.media.storage import Storage
from catalog.models import Media, Place, Product
from catalog.products import service as products
from kit.auth import InternalPrincipal
from kit.preconditions import UNCONDITIONAL, IfMatch

EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png"}


def key(media_id: uuid.UUID, rendition: str, content_type: str) -> str:
    """Storage key of one rendition."""
    return f"{media_id}/{rendition}.{EXTENSIONS[content_type]}"


@dataclass(frozen=True)
class Prepared:
    """An upload checked and made into renditions, not stored yet."""

    filename: str | None
    size_bytes: int
    image: images.Processed


async def prepare(
    decoder: images.DecodeLimit,
    read: Callable[[int], Awaitable[bytes]],
    filename: str | None,
    max_bytes: int,
    max_pixels: int,
) -> Prepared:
    """Read an upload, check it and make its renditions once a decode slot is free; refuse
    anything that is not an image within the limits (4xx). Until its turn the upload is not
    read: it stays where the server spooled it (on disk past 1 MB)."""
    async with decoder.slot():
        data = await read(max_bytes + 1)
        if len(data) > max_bytes:
            raise MediaTooLarge(f"uploads are at most {max_bytes} bytes")
        processed = await asyncio.to_thread(images.process, data, max_pixels)
    return Prepared(filename, len(data), processed)


async def upload(session: AsyncSession, storage: Storage, prepared: Prepared) -> Media:
    """Store a prepared image's renditions and record it."""
    processed = prepared.image
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
        size_bytes=prepared.size_bytes,
        filename=(prepared.filename or "")[:200] or None,
        renditions=renditions,
    )
    media.search_text = search_text(media)
    repository.add(session, media)
    await session.flush()
    await session.refresh(media)
    return media


async def get(session: AsyncSession, media_id: uuid.UUID, *, lock: bool = False) -> Media:
    media = await repository.get_media(session, media_id, lock=lock)
    if media is None:
        raise MediaNotFound(f"no media {media_id}")
    return media


def search_text(media: Media) -> str:
    """What the library's search finds a photo by: its file name and its alt text."""
    return i18n.search_text([media.filename or ""], media.alt or {})


@dataclass(frozen=True)
class Usage:
    """The products and places a photo is attached to."""

    products: list[Product]
    places: list[Place]


async def usage(session: AsyncSession, principal: InternalPrincipal, media_id: uuid.UUID) -> Usage:
    """Where the photo is used, as far as the caller may see (a producer user: their own
    producers' products)."""
    only = access.producer_scope(principal)
    return Usage(
        products=await repository.products_using(session, media_id, only_producers=only),
        places=await repository.places_using(session, media_id),
    )


async def update(
    session: AsyncSession,
    media_id: uuid.UUID,
    data: MediaUpdate,
    public_base_url: str,
    precondition: IfMatch = UNCONDITIONAL,
) -> Media:
    """Set alt text; the products and places showing the photo get a new version, and public
    products announce it. `precondition` is checked on the locked row."""
    media = await get(session, media_id, lock=True)
    precondition.check(media)
    alt = dict(media.alt or {})
    for lang, text in data.alt.items():
        if text.strip():
            alt[lang] = text.strip()
        else:
            alt.pop(lang, None)
    if alt == (media.alt or {}):
        return media  # nothing changed: the same version
    media.alt = alt
    media.search_text = search_text(media)
    await session.flush()
    await session.refresh(media)
    await products.photo_changed(session, media.id, public_base_url)
    for place in await repository.places_using(session, media.id, limit=None, lock=True):
        place.updated_at = func.now()
    await session.flush()
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
