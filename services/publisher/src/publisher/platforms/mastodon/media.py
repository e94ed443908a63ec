"""Mastodon media, in the prepare phase: `POST /api/v2/media` with the file and its description
(alt text); an answer of 202 is still processing, read again with `GET /api/v1/media/{id}`
(206 while processing, 200 when ready). The instance's own limits come from `/api/v2/instance`
(`configuration.media_attachments`, `configuration.statuses.max_media_attachments`).

docs.joinmastodon.org/methods/media (v2 upload, 202 and url null while processing; v1 read, 206
Partial Content), /entities/Instance (configuration.media_attachments: supported_mime_types,
image_size_limit, image_matrix_limit, video_size_limit), /api/rate-limits (30 media uploads per
30 min). An upload not attached to a status is removed by the instance's media cleanup after a
day (Mastodon's MediaCleanupScheduler): kept ids are reused for 12 hours.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from publisher.platforms import media
from publisher.platforms.base import PERMANENT, RETRY, MediaItem, PlatformError, PublishRequest

if TYPE_CHECKING:
    from publisher.platforms.mastodon.publish import MastodonAdapter

KEY = "mastodon_media"  # prepared[KEY][slot] = {id, expires_at, processing}
REUSE_SECONDS = 12 * 3600
DESCRIPTION_MAX = 1500  # Mastodon's description limit (instances may state their own)
POLLS = 5
POLL_WAIT = 1.0
# Mastodon's defaults where an instance states nothing (app/models/media_attachment.rb).
DEFAULT_IMAGE_BYTES = 16 * 1024 * 1024
DEFAULT_MATRIX = 16_777_216  # pixels: 16 Mpx
DEFAULT_VIDEO_BYTES = 99 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one instance accepts (`/api/v2/instance`)."""

    image_bytes: int = DEFAULT_IMAGE_BYTES
    matrix: int = DEFAULT_MATRIX
    video_bytes: int = DEFAULT_VIDEO_BYTES
    types: tuple[str, ...] = ()
    description: int = DESCRIPTION_MAX

    @classmethod
    def of(cls, instance: dict[str, Any]) -> Limits:
        conf = (instance.get("configuration") or {}).get("media_attachments") or {}
        return cls(
            image_bytes=int(conf.get("image_size_limit") or DEFAULT_IMAGE_BYTES),
            matrix=int(conf.get("image_matrix_limit") or DEFAULT_MATRIX),
            video_bytes=int(conf.get("video_size_limit") or DEFAULT_VIDEO_BYTES),
            types=tuple(str(t) for t in conf.get("supported_mime_types") or ()),
            description=int(conf.get("description_limit") or DESCRIPTION_MAX),
        )


def slot(index: int, item: MediaItem) -> str:
    return f"{index}:{item.url}"


async def upload_all(adapter: MastodonAdapter, request: PublishRequest) -> list[str]:
    """The attachment ids of the delivery's media, in order, each processed."""
    limits: Limits | None = None
    ids = []
    for index, item in enumerate(request.media):
        key = slot(index, item)
        kept = media.reusable(request, KEY, key)
        # One kept from an earlier attempt is read first: the instance may have cleaned it up.
        if kept is None or not await _processed(adapter, request, str(kept["id"]), key):
            limits = limits or await _limits(adapter, request)
            kept = await _upload(adapter, request, item, key, limits)
            if kept.get("processing"):
                await _processed(adapter, request, str(kept["id"]), key)
        ids.append(str(kept["id"]))
    return ids


async def _limits(adapter: MastodonAdapter, request: PublishRequest) -> Limits:
    response = await adapter.call(
        request, "GET", "/api/v2/instance", phase="prepare", base_url=adapter.instance(request)
    )
    return Limits.of(response.json())


def _original_fits(item: MediaItem, limits: Limits) -> bool:
    """Mastodon takes the original at most `image_matrix_limit` pixels (16 Mpx by default);
    the post's sizes tell when they are the original's."""
    if not media.is_rendition(item.url, "original") or not item.width or not item.height:
        return True
    return item.width * item.height <= limits.matrix


async def _download(
    adapter: MastodonAdapter, item: MediaItem, limits: Limits
) -> tuple[media.Download, int]:
    """The rendition chosen (the original unless the writer picked another), or the web
    rendition when it is over the instance's limits."""
    if item.kind == media.VIDEO:
        got = await media.fetch(adapter.media_http, item.url, adapter.media_max_bytes)
        return got, limits.video_bytes
    http, most = adapter.media_http, adapter.media_max_bytes
    web = media.rendition(item.url, "web")
    if not _original_fits(item, limits):
        return await media.fetch(http, web, most), limits.image_bytes
    got = await media.fetch_image(http, item.url, most, limits.image_bytes)
    if (media.pixels(got.data) or 0) > limits.matrix and web != item.url:
        got = await media.fetch(http, web, most)  # at most 1600 px a side
    return got, limits.image_bytes


async def _upload(
    adapter: MastodonAdapter,
    request: PublishRequest,
    item: MediaItem,
    key: str,
    limits: Limits,
) -> dict[str, Any]:
    got, limit = await _download(adapter, item, limits)
    if limits.types and got.content_type not in limits.types:
        raise PlatformError(
            PERMANENT, f"{item.url}: this instance does not take {got.content_type} files"
        )
    if len(got.data) > limit:
        raise PlatformError(
            PERMANENT, f"{item.url}: {len(got.data)} bytes, over this instance's {limit}"
        )
    data = {"description": item.alt[: limits.description]} if item.alt else {}
    response = await adapter.call(
        request,
        "POST",
        "/api/v2/media",
        phase="prepare",
        base_url=adapter.instance(request),
        data=data,
        files={"file": ("media", got.data, got.content_type)},
        headers=adapter.auth(request),
    )
    attachment = response.json()
    processing = response.status_code == 202 or attachment.get("url") is None
    return await media.keep(
        request, KEY, key, str(attachment["id"]), REUSE_SECONDS, processing=processing
    )


async def _processed(
    adapter: MastodonAdapter, request: PublishRequest, media_id: str, key: str
) -> bool:
    """Read the attachment until the instance has processed it (200 with a url); False when
    the instance no longer has it (404: cleaned up before it was attached)."""
    for attempt in range(POLLS):
        try:
            response = await adapter.call(
                request,
                "GET",
                f"/api/v1/media/{media_id}",
                phase="prepare",
                base_url=adapter.instance(request),
                headers=adapter.auth(request),
            )
        except PlatformError as error:
            if error.http_status == 404:
                await media.drop(request, KEY, key)
                return False
            if error.http_status == 422:  # processing failed
                await media.drop(request, KEY, key)
                raise PlatformError(
                    PERMANENT, f"the instance could not process the media: {error.message}"
                ) from error
            raise
        if response.status_code == 200 and response.json().get("url"):
            kept = (request.prepared.get(KEY) or {}).get(key) or {}
            if kept.get("processing"):
                await media.keep(request, KEY, key, media_id, _left(kept), processing=False)
            return True
        if attempt + 1 < POLLS:
            await asyncio.sleep(POLL_WAIT)
    until = datetime.now(UTC) + timedelta(seconds=30)
    raise PlatformError(RETRY, f"the instance is still processing media {media_id}", retry_at=until)


def _left(kept: dict[str, Any]) -> float | None:
    expires = kept.get("expires_at")
    if expires is None:
        return None
    return float(expires) - datetime.now(UTC).timestamp()


async def forget(request: PublishRequest) -> None:
    await media.forget(request, KEY)
