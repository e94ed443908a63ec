"""Public URLs of media renditions (served by `catalog.media.api`, routed by the gateway)."""

from __future__ import annotations

import uuid

RENDITIONS = ("original", "thumbnail", "web", "portrait", "landscape")


def media_url(public_base_url: str, media_id: uuid.UUID, rendition: str) -> str:
    """Absolute URL of one rendition."""
    return f"{public_base_url.rstrip('/')}/v1/media/{media_id}/{rendition}"


def media_urls(public_base_url: str, media_id: uuid.UUID) -> dict[str, str]:
    """Every rendition's URL."""
    return {name: media_url(public_base_url, media_id, name) for name in RENDITIONS}
