"""Facebook Page photos: one photo is itself the post (`POST /{page}/photos` with the message,
in commit); several are uploaded unpublished in prepare (`published=false`, each id kept with
the delivery) and published together by `POST /{page}/feed` with `attached_media` in commit.
Meta fetches each photo from its public URL (the catalog's original rendition unless the
writer picked another), as for Instagram. Alt text goes with each photo as `alt_text_custom`.

developers.facebook.com/docs/pages-api/posts (Publish a photo; several photos: unpublished
photos, then `attached_media` with their `media_fbid`), Page Photos reference (url, message,
published, alt_text_custom); reference 4.1 Photos; Mixpost ManagesMetaResources.php and Postiz
facebook.provider.ts do the same.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from publisher.platforms import media
from publisher.platforms.base import MediaItem, PublishRequest

if TYPE_CHECKING:
    from publisher.platforms.facebook.publish import FacebookAdapter

KEY = "facebook_photos"  # prepared[KEY][slot] = {id, expires_at}
# An unpublished photo waits for its post; kept a day, as Meta keeps media URLs it must read.
REUSE_SECONDS = 24 * 3600


def images(request: PublishRequest) -> list[MediaItem]:
    return [m for m in request.media if m.kind == media.IMAGE]


def photo_fields(item: MediaItem) -> dict[str, str]:
    """The photo by URL (the rendition chosen for Facebook: the original unless the writer
    picked another) and its alt text."""
    fields = {"url": item.url}
    if item.alt:
        fields["alt_text_custom"] = item.alt
    return fields


async def upload_unpublished(adapter: FacebookAdapter, request: PublishRequest) -> list[str]:
    """The ids of the delivery's photos uploaded unpublished, kept ones reused."""
    ids = []
    for index, item in enumerate(images(request)):
        slot = f"{index}:{item.url}"
        kept = media.reusable(request, KEY, slot)
        if kept is None:
            response = await adapter.call(
                request,
                "POST",
                f"/{request.external_id}/photos",
                phase="prepare",
                data={**photo_fields(item), "published": "false", **adapter.token(request)},
            )
            photo_id = str(response.json()["id"])
            kept = await media.keep(request, KEY, slot, photo_id, REUSE_SECONDS)
        ids.append(str(kept["id"]))
    return ids


def attached(photo_ids: list[str]) -> dict[str, str]:
    """`attached_media[i]` form fields naming each unpublished photo."""
    return {
        f"attached_media[{i}]": json.dumps({"media_fbid": photo_id})
        for i, photo_id in enumerate(photo_ids)
    }


async def forget(request: PublishRequest) -> None:
    await media.forget(request, KEY)


def is_lost_photo(message: str) -> bool:
    """A feed refusal naming the attached photos: nothing was posted, they are uploaded again."""
    return "attached_media" in message or "media_fbid" in message


def kept_ids(request: PublishRequest) -> list[Any]:
    return list(request.prepared.get("photo_ids") or [])


# --- video: the resumable upload -------------------------------------------------------------
#
# `POST /{page}/videos` with upload_phase=start (file_size) gives video_id, upload_session_id and
# the first byte range; upload_phase=transfer sends each range as `video_file_chunk` until
# start_offset reaches end_offset; upload_phase=finish with the description publishes the video
# on the Page (developers.facebook.com/docs/video-api/guides/publishing; reference 4.1 Video).
# Start and transfer are prepare (retryable, the session kept with the delivery); finish is the
# irreversible commit. Meta does not state how long a session lives: one is reused for 6 hours.

VIDEO_KEY = "facebook_video"
SESSION_SECONDS = 6 * 3600


def video(request: PublishRequest) -> MediaItem | None:
    return next((m for m in request.media if m.kind == media.VIDEO), None)


async def upload_video(adapter: FacebookAdapter, request: PublishRequest, item: MediaItem) -> str:
    """The upload session of the delivery's video, its bytes transferred (kept one reused)."""
    kept = media.reusable(request, VIDEO_KEY, item.url)
    if kept is not None:
        return str(kept["session"])
    got = await media.fetch(adapter.media_http, item.url, adapter.media_max_bytes)
    path = f"/{request.external_id}/videos"
    started = await adapter.call(
        request,
        "POST",
        path,
        phase="prepare",
        data={"upload_phase": "start", "file_size": str(len(got.data)), **adapter.token(request)},
    )
    body = started.json()
    session = str(body["upload_session_id"])
    start, end = int(body["start_offset"]), int(body["end_offset"])
    while start < end:
        sent = await adapter.call(
            request,
            "POST",
            path,
            phase="prepare",
            data={
                "upload_phase": "transfer",
                "upload_session_id": session,
                "start_offset": str(start),
                **adapter.token(request),
            },
            files={"video_file_chunk": ("chunk", got.data[start:end], got.content_type)},
        )
        start, end = int(sent.json()["start_offset"]), int(sent.json()["end_offset"])
    await media.keep(
        request, VIDEO_KEY, item.url, str(body["video_id"]), SESSION_SECONDS, session=session
    )
    return session
