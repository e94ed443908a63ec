"""Threads API: a text, photo, video or carousel container (`publisher.platforms.containers`),
its status until FINISHED, then threads_publish.

https://developers.facebook.com/documentation/threads/posts (reference 4.4).
"""

from __future__ import annotations

from publisher.platforms.base import MediaItem, PublishRequest, Refreshed
from publisher.platforms.containers import ContainerAdapter
from publisher.platforms.threads import tokens
from publisher.platforms.threads.rules import RULES


class ThreadsAdapter(ContainerAdapter):
    platform = "threads"
    rules = RULES
    media_path = "/threads"
    publish_path = "/threads_publish"
    limit_path = "/threads_publishing_limit"
    status_field = "status"
    words_field = "error_message"
    text_field = "text"
    video_alone = "VIDEO"
    alt_on_video = True  # Threads accessibility: alt_text on images and videos

    def text_only(self) -> dict[str, str]:
        return {"media_type": "TEXT"}

    def image_fields(self, item: MediaItem) -> dict[str, str]:
        return {"media_type": "IMAGE", "image_url": item.url}

    async def refresh(self, request: PublishRequest) -> Refreshed | None:
        return await tokens.refresh(self, request)
