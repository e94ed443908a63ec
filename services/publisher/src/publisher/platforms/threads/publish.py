"""Threads API: container, status, threads_publish.

https://developers.facebook.com/documentation/threads/posts (reference 4.4).
"""

from __future__ import annotations

from typing import Any

from publisher.platforms.base import PublishRequest, Refreshed
from publisher.platforms.meta import ContainerAdapter
from publisher.platforms.threads import tokens
from publisher.platforms.threads.rules import RULES


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
        return await tokens.refresh(self, request)
