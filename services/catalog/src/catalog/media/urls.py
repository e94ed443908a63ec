"""Public URLs of media renditions (served by `catalog.media.api`, routed by the gateway)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from catalog.media.alt import LibraryAlts, attachment_alt
from contracts.catalog import Media

RENDITIONS = ("original", "thumbnail", "web", "portrait", "landscape")


def media_url(public_base_url: str, media_id: uuid.UUID, rendition: str) -> str:
    """Absolute URL of one rendition."""
    return f"{public_base_url.rstrip('/')}/v1/media/{media_id}/{rendition}"


def media_urls(public_base_url: str, media_id: uuid.UUID) -> dict[str, str]:
    """Every rendition's URL."""
    return {name: media_url(public_base_url, media_id, name) for name in RENDITIONS}


def event_media(
    public_base_url: str, refs: Iterable[Mapping[str, Any]], alts: LibraryAlts | None = None
) -> list[Media]:
    """Stored media references (`{media_id, alt}`) as events carry them: every rendition, and
    the alt text the photo shows there (`catalog.media.alt`)."""
    pictures = []
    for ref in refs:
        media_id = uuid.UUID(str(ref["media_id"]))
        pictures.append(
            Media(
                media_id=media_id,
                urls=media_urls(public_base_url, media_id),
                alt=attachment_alt(ref, (alts or {}).get(media_id)),
            )
        )
    return pictures
