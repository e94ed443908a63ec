"""Facebook Pages (Graph API) with the Page token: a feed post, a photo post (`/photos`), or a
feed post with several unpublished photos attached (`facebook.media`).

https://developers.facebook.com/docs/pages-api/posts ; errors: `rules.ERRORS` (reference 4.1).
"""

from __future__ import annotations

from typing import Any

from publisher.platforms.base import RETRY, PlatformError, Published, PublishRequest, fingerprint
from publisher.platforms.facebook import media
from publisher.platforms.facebook.rules import RULES
from publisher.platforms.meta import MetaAdapter


class FacebookAdapter(MetaAdapter):
    platform = "facebook_page"
    rules = RULES

    def token(self, request: PublishRequest) -> dict[str, Any]:
        return {"access_token": request.credentials.get("access_token", "")}

    async def prepare(self, request: PublishRequest) -> dict[str, Any]:
        """Several photos: each uploaded unpublished (or reused); one photo waits for commit."""
        clip = media.video(request)
        if clip is not None:
            session = await media.upload_video(self, request, clip)
            return {**request.prepared, "session": session}  # after the upload kept its id
        if len(media.images(request)) < 2:
            return dict(request.prepared)
        photo_ids = await media.upload_unpublished(self, request)
        return {**request.prepared, "photo_ids": photo_ids}

    async def commit(self, request: PublishRequest) -> Published:
        if media.video(request) is not None:  # finish publishes the uploaded video
            kept = (request.prepared.get(media.VIDEO_KEY) or {}).values()
            response = await self.call(
                request,
                "POST",
                f"/{request.external_id}/videos",
                phase="commit",
                data={
                    "upload_phase": "finish",
                    "upload_session_id": str(request.prepared["session"]),
                    "description": request.text,
                    **self.token(request),
                },
            )
            video_id = next((str(v["id"]) for v in kept), "")
            return Published(str(response.json().get("id") or video_id))
        photos = media.images(request)
        if len(photos) == 1:  # the photo is the post: its message is the text
            data = {**media.photo_fields(photos[0]), "message": request.text}
            response = await self.call(
                request,
                "POST",
                f"/{request.external_id}/photos",
                phase="commit",
                data={**data, **self.token(request)},
            )
            body = response.json()
            return Published(str(body.get("post_id") or body["id"]))
        data = {"message": request.text, **media.attached(media.kept_ids(request))}
        try:
            response = await self.call(
                request,
                "POST",
                f"/{request.external_id}/feed",
                phase="commit",
                data={**data, **self.token(request)},
            )
        except PlatformError as error:
            if photos and media.is_lost_photo(error.message):
                await media.forget(request)  # refused, so not posted: upload them again
                raise PlatformError(
                    RETRY, error.message, http_status=error.http_status, code=error.code
                ) from error
            raise
        return Published(str(response.json()["id"]))

    async def confirm(self, request: PublishRequest, published: Published) -> Published:
        response = await self.call(
            request,
            "GET",
            f"/{published.platform_post_id}",
            phase="confirm",
            params={"fields": "permalink_url", **self.token(request)},
        )
        return Published(published.platform_post_id, response.json().get("permalink_url"))

    async def lookup(self, request: PublishRequest) -> Published | None:
        """Recent Page posts matched on the text fingerprint (reference 4.7, outcome unknown)."""
        response = await self.call(
            request,
            "GET",
            f"/{request.external_id}/feed",
            phase="reconcile",
            params={"fields": "id,message,permalink_url", "limit": "50", **self.token(request)},
        )
        for post in response.json().get("data", []):
            if fingerprint(post.get("message", "")) == request.fingerprint:
                return Published(str(post["id"]), post.get("permalink_url"))
        return None
