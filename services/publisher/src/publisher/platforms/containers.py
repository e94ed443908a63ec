"""Instagram and Threads publish through containers: one per photo or video, a carousel parent
naming its children, each read until FINISHED, then the parent published (the commit).

- Instagram (developers.facebook.com/docs/instagram-platform/content-publishing; IG User Media
  reference; reference 4.2): a photo container takes `image_url` (and `alt_text`, images only:
  Postiz sends it on single and carousel images, never on videos); a video alone is a Reel
  (`media_type=REELS`, `video_url`), in a carousel `media_type=VIDEO`; carousel children are
  made with `is_carousel_item=true`, 2 to 10 of them, then the parent `media_type=CAROUSEL` with
  `children`; `GET /{container}?fields=status_code,status` reads IN_PROGRESS, FINISHED, ERROR,
  EXPIRED or PUBLISHED; `media_publish` publishes the parent.
- Threads (developers.facebook.com/documentation/threads/posts; .../posts/accessibility;
  reference 4.4): `media_type` TEXT, IMAGE or VIDEO, `alt_text` on images and videos, carousel
  children with `is_carousel_item=true` (up to 20), the parent `media_type=CAROUSEL`;
  `GET /{container}?fields=status,error_message`; `threads_publish` publishes it.
- Containers expire after 24 hours (both references). Every container id is kept with the
  delivery the moment it is made, so a worker that dies leaves them to the next, which reads
  them again; an expired one is made again, never published (only the parent ever is).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from publisher.platforms import media
from publisher.platforms.base import (
    PERMANENT,
    QUOTA,
    REAUTH,
    RETRY,
    MediaItem,
    PlatformError,
    Published,
    PublishRequest,
    in_minutes,
)
from publisher.platforms.meta import MetaAdapter

KEY = "containers"  # prepared[KEY][slot] = {id, expires_at}; slots "parent" and "{i}:{url}"
PARENT = "parent"
LIFETIME_SECONDS = 24 * 3600
FINISHED, ERROR, EXPIRED, PUBLISHED = "FINISHED", "ERROR", "EXPIRED", "PUBLISHED"
EXPIRED_SUBCODE = "2207020"  # publishing a container that expired (reference 4.2)
# Words in an ERROR status that mean "make a new container" rather than "fix the file"
# (reference 4.2: 2207053 unknown upload error on video; Threads' UNKNOWN).
TRANSIENT = ("2207053", "UNKNOWN")


class ContainerAdapter(MetaAdapter):
    """Instagram and Threads: create containers in prepare, publish the parent in commit."""

    media_path = "/media"
    publish_path = "/media_publish"
    limit_path = "/content_publishing_limit"
    status_field = "status_code"
    words_field = "status"  # where an ERROR container says why
    text_field = "caption"
    video_alone = "REELS"  # the media_type of a post that is one video
    alt_on_video = False
    # Reading a container while it processes: waits double from `status_wait` seconds, at
    # most `status_polls` reads in one prepare; longer work is read again a minute later.
    status_wait = 0.5
    status_polls = 6

    def token_params(self, request: PublishRequest) -> dict[str, str]:
        """The access token as the Graph API takes it, in the query or form."""
        return {"access_token": str(request.credentials.get("access_token", ""))}

    def text_only(self) -> dict[str, str]:
        """The container of a post without media (Instagram has none: validation needs one)."""
        return {}

    def item_fields(self, item: MediaItem, *, in_carousel: bool) -> dict[str, str]:
        """One photo or video as its container takes it."""
        if item.kind == media.VIDEO:
            kind = "VIDEO" if in_carousel else self.video_alone
            fields = {"media_type": kind, "video_url": item.url}
            if item.alt and self.alt_on_video:
                fields["alt_text"] = item.alt
            return fields
        fields = self.image_fields(item)
        if item.alt:
            fields["alt_text"] = item.alt
        return fields

    def image_fields(self, item: MediaItem) -> dict[str, str]:
        return {"image_url": item.url}

    # -- prepare ----------------------------------------------------------------------------

    async def prepare(self, request: PublishRequest) -> dict[str, Any]:
        kept = media.reusable(request, KEY, PARENT)
        parent = str(kept["id"]) if kept else await self._make_parent(request)
        await self._until_finished(request, {PARENT: parent})
        return dict(request.prepared)

    async def _make_parent(self, request: PublishRequest) -> str:
        await self._within_publishing_limit(request)
        fields: dict[str, str] = {self.text_field: request.text}
        if len(request.media) > 1:
            children = await self._children(request)
            fields |= {"media_type": "CAROUSEL", "children": ",".join(children)}
        elif request.media:
            fields |= self.item_fields(request.media[0], in_carousel=False)
        else:
            fields |= self.text_only()
        return await self._create(request, PARENT, fields)

    async def _children(self, request: PublishRequest) -> list[str]:
        """The carousel's children in order, kept ones reused, each FINISHED (the parent may
        only name finished children)."""
        made: dict[str, str] = {}
        for index, item in enumerate(request.media):
            slot = f"{index}:{item.url}"
            kept = media.reusable(request, KEY, slot)
            if kept is not None:
                made[slot] = str(kept["id"])
                continue
            fields = {**self.item_fields(item, in_carousel=True), "is_carousel_item": "true"}
            made[slot] = await self._create(request, slot, fields)
        await self._until_finished(request, dict(made))
        return list(made.values())

    async def _create(self, request: PublishRequest, slot: str, fields: dict[str, str]) -> str:
        response = await self.call(
            request,
            "POST",
            f"/{request.external_id}{self.media_path}",
            phase="prepare",
            data={**fields, **self.token_params(request)},
        )
        container = str(response.json()["id"])
        # Kept at once: a retry, or the next worker, reads this one instead of making another.
        await media.keep(request, KEY, slot, container, LIFETIME_SECONDS)
        return container

    async def _until_finished(self, request: PublishRequest, pending: dict[str, str]) -> None:
        """Read each container until it is FINISHED; an expired one is forgotten (made again
        on the next attempt, with the parent that named it), one in ERROR fails the delivery
        with the platform's words."""
        for poll in range(self.status_polls):
            for slot, container in list(pending.items()):
                status, words = await self._status(request, container, "prepare")
                if status in (FINISHED, PUBLISHED):
                    del pending[slot]
                elif status == EXPIRED:
                    await media.forget(request, KEY)
                    raise PlatformError(RETRY, f"container {container} expired: made again")
                elif status == ERROR:
                    await media.forget(request, KEY)
                    transient = any(t in words for t in TRANSIENT)
                    reason = words or "processing failed"
                    raise PlatformError(
                        RETRY if transient else PERMANENT,
                        f"{self.platform} could not process the media: {reason}",
                    )
            if not pending:
                return
            if poll + 1 < self.status_polls:
                await asyncio.sleep(min(self.status_wait * 2**poll, 8.0))
        until = datetime.now(UTC) + timedelta(minutes=1)
        raise PlatformError(RETRY, f"{self.platform} is still processing the media", retry_at=until)

    async def _status(self, request: PublishRequest, container: str, phase: str) -> tuple[str, str]:
        response = await self.call(
            request,
            "GET",
            f"/{container}",
            phase=phase,
            params={
                "fields": f"{self.status_field},{self.words_field}",
                **self.token_params(request),
            },
        )
        body = response.json()
        return str(body.get(self.status_field, "")), str(body.get(self.words_field) or "")[:500]

    async def _within_publishing_limit(self, request: PublishRequest) -> None:
        """The account's own count of API posts in the rolling window (reference 4.2, 4.4: read
        the real quota rather than hard-coding 25 or 50); a full window waits an hour."""
        try:
            response = await self.call(
                request,
                "GET",
                f"/{request.external_id}{self.limit_path}",
                phase="prepare",
                params={"fields": "quota_usage,config", **self.token_params(request)},
            )
        except PlatformError as error:
            if error.category == REAUTH:
                raise
            return  # advisory: the platform still refuses a post over its limit (2207042)
        data = response.json().get("data") or [{}]
        usage = int(data[0].get("quota_usage") or 0)
        total = int((data[0].get("config") or {}).get("quota_total") or 0)
        if total and usage >= total:
            until = in_minutes(60)
            request.trace.blocks[f"{self.platform}:account:{request.external_id}"] = until
            raise PlatformError(
                QUOTA,
                f"the account has used its {total} API posts of the last 24 hours",
                retry_at=until,
            )

    # -- commit and reconcile -----------------------------------------------------------------

    def parent(self, request: PublishRequest) -> str | None:
        """The container to publish (deliveries prepared before carousels kept `container_id`)."""
        kept = (request.prepared.get(KEY) or {}).get(PARENT) or {}
        found = kept.get("id") or request.prepared.get("container_id")
        return str(found) if found else None

    async def commit(self, request: PublishRequest) -> Published:
        try:
            response = await self.call(
                request,
                "POST",
                f"/{request.external_id}{self.publish_path}",
                phase="commit",
                data={"creation_id": self.parent(request), **self.token_params(request)},
            )
        except PlatformError as error:
            if error.subcode != EXPIRED_SUBCODE:
                raise
            # Refused, so nothing was published: new containers next time (reference 4.2).
            await media.forget(request, KEY)
            raise PlatformError(
                RETRY, error.message, http_status=error.http_status, code=error.code
            ) from error
        return Published(str(response.json()["id"]))

    async def lookup(self, request: PublishRequest) -> Published | None:
        """A container that is PUBLISHED was published; any other state was not (reference 4.7)."""
        container = self.parent(request)
        if not container:
            return None
        status, _ = await self._status(request, container, "reconcile")
        if status != PUBLISHED:
            return None
        return Published(f"container:{container}")
