"""Threads' rules as data: how it counts, its limits and quota, the scopes it needs.

https://developers.facebook.com/documentation/threads/posts (reference 4.4); errors are the
Graph API's (`publisher.platforms.meta`).
"""

from __future__ import annotations

from datetime import timedelta

from publisher.platforms.base import Quota, Rules, code_points, is_emoji


def threads_length(text: str) -> int:
    """Threads counts emoji as their UTF-8 byte length (reference 4.4)."""
    return sum(len(c.encode()) if is_emoji(c) else 1 for c in text) if text else code_points(text)


MB = 1024 * 1024

# Media, each with its source:
# - one photo or video, or a carousel of up to 20 mixing both: developers.facebook.com/
#   documentation/threads/posts (Carousel posts) and reference 4.4;
# - photos JPEG or PNG at most 8 MB, aspect at most 10:1 either way; videos MOV or MP4 at most
#   1 GB and 5 minutes: the posts page's Media specifications (Ayrshare's Threads guidelines
#   repeat them);
# - alt text on photos and videos: developers.facebook.com/documentation/threads/posts/
#   accessibility;
# - the photo sent is the catalog's web rendition (at most 1,600 px a side, the size Threads
#   scales to 1,440 anyway) unless the writer picks another.
RULES = Rules(
    max_length=500,
    count=threads_length,
    max_media=20,
    aspect_min=1 / 10,
    aspect_max=10.0,
    image_max_bytes=8 * MB,
    video_max_bytes=1024 * MB,
    source="reference 4.4 Threads",
    media_source="developers.facebook.com/documentation/threads/posts; reference 4.4",
    rendition="web",
)

QUOTAS = (Quota("threads", 250, timedelta(hours=24), False, "reference 4.4: 250 posts / 24 h"),)

# Scopes it needs to publish (reference 4.4), to show what a connection lacks.
REQUIRED_SCOPES = ("threads_basic", "threads_content_publish")
