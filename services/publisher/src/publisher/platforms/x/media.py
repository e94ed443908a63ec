"""X API v2 media upload, in the prepare phase: images in one call, videos and GIFs in chunks,
alt text through the metadata endpoint; each media id kept with the delivery until it expires.

- `POST /2/media/upload` (media, media_category=tweet_image): one image, at most 5 MB
  (docs.x.com/x-api/media/upload-media; sizes: docs.x.com/x-api/media introduction).
- `POST /2/media/upload/initialize` (media_type, total_bytes, media_category), then
  `POST /2/media/upload/{id}/append` (media, segment_index 0..999) per chunk, then
  `POST /2/media/upload/{id}/finalize`, then `GET /2/media/upload?command=STATUS&media_id=` while
  `processing_info.state` is pending or in_progress, waiting `check_after_secs`
  (docs.x.com/x-api/media/quickstart/media-upload-chunked).
- `POST /2/media/metadata` with `{id, metadata: {alt_text: {text}}}`, at most 1,000 characters,
  images and GIFs only (docs.x.com/x-api/media/create-media-metadata).
- Every answer carries `expires_after_secs`: the id is reused until then.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from publisher.platforms import media
from publisher.platforms.base import PERMANENT, RETRY, MediaItem, PlatformError, PublishRequest

if TYPE_CHECKING:
    from publisher.platforms.x.publish import XAdapter

KEY = "x_media"  # prepared[KEY][slot] = {id, expires_at}
IMAGE_MAX_BYTES = 5 * 1024 * 1024
GIF_MAX_BYTES = 15 * 1024 * 1024
VIDEO_MAX_BYTES = 512 * 1024 * 1024
CHUNK_BYTES = 4 * 1024 * 1024  # under the 5 MB an APPEND takes
MAX_SEGMENTS = 1000
ALT_MAX = 1000
STATUS_WAIT_CAP = 5.0  # seconds one wait in prepare may last; longer: retried later
STATUS_POLLS = 6


def slot(index: int, item: MediaItem) -> str:
    return f"{index}:{item.url}"


async def upload_all(adapter: XAdapter, request: PublishRequest) -> list[str]:
    """The media ids of the delivery's media, in order: kept ones reused, others uploaded."""
    ids = []
    for index, item in enumerate(request.media):
        key = slot(index, item)
        kept = media.reusable(request, KEY, key) or await _upload(adapter, request, item, key)
        if kept.get("processing"):
            await _processed(adapter, request, str(kept["id"]), key)
            await media.keep(request, KEY, key, str(kept["id"]), _left(kept), processing=False)
        ids.append(str(kept["id"]))
    return ids


def _left(kept: dict[str, Any]) -> float | None:
    expires = kept.get("expires_at")
    return float(expires) - time.time() if expires is not None else None


async def _download(adapter: XAdapter, item: MediaItem) -> media.Download:
    """The rendition chosen for X (the original unless the writer picked another); an image
    over X's 5 MB falls back to the catalog's web rendition."""
    if item.kind == media.VIDEO:
        return await media.fetch(adapter.media_http, item.url, adapter.media_max_bytes)
    http, most = adapter.media_http, adapter.media_max_bytes
    return await media.fetch_image(http, item.url, most, IMAGE_MAX_BYTES)


def _category(item: MediaItem, got: media.Download) -> str:
    if item.kind == media.VIDEO or got.content_type.startswith("video/"):
        return "tweet_video"
    if got.content_type == "image/gif":
        return "tweet_gif"
    return "tweet_image"


async def _upload(
    adapter: XAdapter, request: PublishRequest, item: MediaItem, key: str
) -> dict[str, Any]:
    got = await _download(adapter, item)
    category = _category(item, got)
    limit = {"tweet_image": IMAGE_MAX_BYTES, "tweet_gif": GIF_MAX_BYTES}.get(
        category, VIDEO_MAX_BYTES
    )
    if len(got.data) > limit:
        raise PlatformError(
            PERMANENT, f"{item.url}: {len(got.data)} bytes, over X's {limit} for {category}"
        )
    if category == "tweet_image":
        body = await _simple(adapter, request, got)
    else:
        body = await _chunked(adapter, request, got, category)
    media_id = str(body["id"])
    if item.alt and category != "tweet_video":
        await adapter.call(
            request,
            "POST",
            "/2/media/metadata",
            phase="prepare",
            json={"id": media_id, "metadata": {"alt_text": {"text": item.alt[:ALT_MAX]}}},
            headers=adapter.auth(request),
        )
    lifetime = body.get("expires_after_secs")
    processing = category != "tweet_image" or bool(body.get("processing_info"))
    return await media.keep(
        request, KEY, key, media_id, float(lifetime) if lifetime else None, processing=processing
    )


async def _simple(adapter: XAdapter, request: PublishRequest, got: media.Download) -> Any:
    response = await adapter.call(
        request,
        "POST",
        "/2/media/upload",
        phase="prepare",
        data={"media_category": "tweet_image", "media_type": got.content_type},
        files={"media": ("media", got.data, got.content_type)},
        headers=adapter.auth(request),
    )
    return response.json()["data"]


async def _chunked(
    adapter: XAdapter, request: PublishRequest, got: media.Download, category: str
) -> Any:
    chunk = max(adapter.chunk_bytes, -(-len(got.data) // MAX_SEGMENTS))
    auth = adapter.auth(request)
    started = await adapter.call(
        request,
        "POST",
        "/2/media/upload/initialize",
        phase="prepare",
        json={
            "media_type": got.content_type,
            "total_bytes": len(got.data),
            "media_category": category,
        },
        headers=auth,
    )
    media_id = str(started.json()["data"]["id"])
    for index, start in enumerate(range(0, len(got.data), chunk)):
        await adapter.call(
            request,
            "POST",
            f"/2/media/upload/{media_id}/append",
            phase="prepare",
            data={"segment_index": str(index)},
            files={"media": ("chunk", got.data[start : start + chunk], "application/octet-stream")},
            headers=auth,
        )
    finished = await adapter.call(
        request, "POST", f"/2/media/upload/{media_id}/finalize", phase="prepare", headers=auth
    )
    body = dict(finished.json()["data"])
    body.setdefault("id", media_id)
    body.setdefault("expires_after_secs", started.json()["data"].get("expires_after_secs"))
    return body


async def _processed(adapter: XAdapter, request: PublishRequest, media_id: str, key: str) -> None:
    """Wait (briefly) until X has processed the media; a long wait is a retry later with the
    id kept; a failure drops it and fails the delivery with X's words."""
    for _ in range(STATUS_POLLS):
        response = await adapter.call(
            request,
            "GET",
            "/2/media/upload",
            phase="prepare",
            params={"command": "STATUS", "media_id": media_id},
            headers=adapter.auth(request),
        )
        info = (response.json().get("data") or {}).get("processing_info") or {}
        state = str(info.get("state") or "succeeded")
        if state == "succeeded":
            return
        if state == "failed":
            await media.drop(request, KEY, key)
            error = info.get("error") or {}
            words = error.get("message") or error.get("name") or "processing failed"
            raise PlatformError(PERMANENT, f"X could not process the media: {words}")
        wait = float(info.get("check_after_secs", 1) or 0)
        if wait > STATUS_WAIT_CAP:
            until = datetime.now(UTC) + timedelta(seconds=wait)
            raise PlatformError(RETRY, f"X is still processing media {media_id}", retry_at=until)
        await asyncio.sleep(wait)
    raise PlatformError(RETRY, f"X is still processing media {media_id}")


async def forget(request: PublishRequest) -> None:
    """X no longer knows the kept ids (expired): the next prepare uploads again."""
    await media.forget(request, KEY)
