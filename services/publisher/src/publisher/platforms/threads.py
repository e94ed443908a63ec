"""Threads API: container, status, threads_publish.

https://developers.facebook.com/documentation/threads/posts (reference 4.4).
"""

from __future__ import annotations

from typing import Any

from publisher.platforms.base import (
    PublishRequest,
    Refreshed,
    Rules,
    code_points,
    in_minutes,
    is_emoji,
)
from publisher.platforms.instagram import ContainerAdapter


def threads_length(text: str) -> int:
    """Threads counts emoji as their UTF-8 byte length (reference 4.4)."""
    return sum(len(c.encode()) if is_emoji(c) else 1 for c in text) if text else code_points(text)


RULES = Rules(max_length=500, count=threads_length, max_media=20, source="reference 4.4 Threads")


class ThreadsAdapter(ContainerAdapter):
    platform = "threads"
    rules = RULES
    media_path = "/threads"
    publish_path = "/threads_publish"
    limit_path = "/threads_publishing_limit"
    status_field = "status"

    def container_body(self, request: PublishRequest) -> dict[str, Any]:
        body: dict[str, Any] = {"text": request.text, "media_type": "TEXT"}
        if request.media_urls:
            body.update(media_type="IMAGE", image_url=request.media_urls[0])
        return body

    async def refresh(self, request: PublishRequest) -> Refreshed | None:
        """Long-lived tokens are refreshed with `th_refresh_token` (reference 4.4, Tokens)."""
        response = await self.call(
            request,
            "GET",
            "/refresh_access_token",
            phase="prepare",
            params={"grant_type": "th_refresh_token", **self._token(request)},
        )
        body = response.json()
        expires = body.get("expires_in")
        credentials = {**request.credentials, "access_token": body["access_token"]}
        return Refreshed(credentials, in_minutes(int(expires) / 60) if expires else None)
