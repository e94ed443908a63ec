"""Instagram Graph API content publishing: container, status, media_publish.

https://developers.facebook.com/docs/instagram-platform/content-publishing/ (reference 4.2).
"""

from __future__ import annotations

from typing import Any

from publisher.platforms.base import (
    PERMANENT,
    QUOTA,
    REAUTH,
    RETRY,
    ErrorRule,
    PlatformError,
    Published,
    PublishRequest,
    Rules,
    code_points,
    fingerprint,
    in_minutes,
)
from publisher.platforms.facebook import ERRORS as META_ERRORS
from publisher.platforms.facebook import MetaAdapter

SRC = "developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes"

# IG User Media reference: caption 2,200, 30 hashtags, 20 mentions, 1..10 media, 4:5 to 1.91:1.
RULES = Rules(
    max_length=2_200,
    count=code_points,
    max_hashtags=30,
    max_mentions=20,
    min_media=1,
    max_media=10,
    aspect_min=4 / 5,
    aspect_max=1.91,
    source="IG User Media reference (reference 4.2)",
)

ERRORS: list[ErrorRule] = [
    ErrorRule(RETRY, SRC, subcode="2207001"),
    ErrorRule(RETRY, SRC, subcode="2207003"),
    ErrorRule(RETRY, SRC, subcode="2207032"),
    ErrorRule(RETRY, SRC, subcode="2207020"),  # container expired: prepare makes a new one
    ErrorRule(PERMANENT, SRC, subcode="2207004"),
    ErrorRule(PERMANENT, SRC, subcode="2207005"),
    ErrorRule(PERMANENT, SRC, subcode="2207009"),
    ErrorRule(PERMANENT, SRC, subcode="2207010"),
    ErrorRule(PERMANENT, SRC, subcode="2207028"),
    ErrorRule(PERMANENT, SRC, subcode="2207050"),
    ErrorRule(QUOTA, SRC, subcode="2207042"),
    ErrorRule(REAUTH, SRC, code="190"),
    *META_ERRORS,
]


class ContainerAdapter(MetaAdapter):
    """Instagram and Threads: create a container, wait for FINISHED, publish it."""

    media_path = "/media"
    publish_path = "/media_publish"
    limit_path = "/content_publishing_limit"
    status_field = "status_code"

    def container_body(self, request: PublishRequest) -> dict[str, Any]:
        body: dict[str, Any] = {"caption": request.text}
        if request.media_urls:
            body["image_url"] = request.media_urls[0]
        return body

    def _token(self, request: PublishRequest) -> dict[str, str]:
        return {"access_token": str(request.credentials.get("access_token", ""))}

    async def _status(self, request: PublishRequest, container: str, phase: str) -> str:
        response = await self.call(
            request,
            "GET",
            f"/{container}",
            phase=phase,
            params={"fields": self.status_field, **self._token(request)},
        )
        return str(response.json().get(self.status_field, ""))

    async def _within_publishing_limit(self, request: PublishRequest) -> None:
        """The account's own count of API posts in the rolling window (reference 4.2, 4.4: read
        the real quota rather than hard-coding 25 or 50); a full window waits an hour."""
        try:
            response = await self.call(
                request,
                "GET",
                f"/{request.external_id}{self.limit_path}",
                phase="prepare",
                params={"fields": "quota_usage,config", **self._token(request)},
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

    async def prepare(self, request: PublishRequest) -> dict[str, Any]:
        container = request.prepared.get("container_id")
        if not container:
            await self._within_publishing_limit(request)
            response = await self.call(
                request,
                "POST",
                f"/{request.external_id}{self.media_path}",
                phase="prepare",
                data={**self.container_body(request), **self._token(request)},
            )
            container = str(response.json()["id"])
        status = await self._status(request, container, "prepare")
        if status in ("ERROR", "EXPIRED"):
            raise PlatformError(RETRY, f"container {status}")  # a new one next time
        if status != "FINISHED":
            raise PlatformError(RETRY, f"container {status or 'not ready'}")
        return {"container_id": container}

    async def commit(self, request: PublishRequest) -> Published:
        response = await self.call(
            request,
            "POST",
            f"/{request.external_id}{self.publish_path}",
            phase="commit",
            data={"creation_id": request.prepared["container_id"], **self._token(request)},
        )
        return Published(str(response.json()["id"]))

    async def lookup(self, request: PublishRequest) -> Published | None:
        """A container that is PUBLISHED was published; any other state was not (reference 4.7)."""
        container = request.prepared.get("container_id")
        if not container:
            return None
        if await self._status(request, container, "reconcile") != "PUBLISHED":
            return None
        return Published(f"container:{container}")


class InstagramAdapter(ContainerAdapter):
    platform = "instagram"
    rules = RULES
    errors = ERRORS


__all__ = ["ContainerAdapter", "InstagramAdapter", "fingerprint"]
