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


RULES = Rules(max_length=500, count=threads_length, max_media=20, source="reference 4.4 Threads")

QUOTAS = (Quota("threads", 250, timedelta(hours=24), False, "reference 4.4: 250 posts / 24 h"),)

# Scopes it needs to publish (reference 4.4), to show what a connection lacks.
REQUIRED_SCOPES = ("threads_basic", "threads_content_publish")
