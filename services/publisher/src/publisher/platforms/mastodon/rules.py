"""Mastodon's rules as data: default limits (an instance states its own), its error map and the
scopes it needs.

mastodon/documentation content/en/methods/statuses.md and api/rate-limits.md (reference 4.6).
"""

from __future__ import annotations

from publisher.platforms.base import (
    PERMANENT,
    REAUTH,
    RETRY,
    ErrorRule,
    Rules,
    code_points,
    count_urls_as,
)

SRC = "mastodon/documentation content/en/methods/statuses.md"
DEFAULT_MAX_CHARACTERS = 500
DEFAULT_URL_RESERVATION = 23


def mastodon_length(text: str, reserved_per_url: int = DEFAULT_URL_RESERVATION) -> int:
    """Every link counts `characters_reserved_per_url` (docs.joinmastodon.org/user/posting)."""
    return count_urls_as(reserved_per_url, text, code_points)


DEFAULT_MAX_MEDIA = 4
# Media: at most `configuration.statuses.max_media_attachments` (4 by default), and a video
# or GIF only alone ("Cannot attach a video to a post that already contains images":
# Mastodon's PostStatusService); sizes and types per instance (`mastodon.media`).
MEDIA_SOURCE = "docs.joinmastodon.org/entities/Instance; mastodon PostStatusService"

# Sizes: Mastodon's defaults (16 MB images, 99 MB videos, app/models/media_attachment.rb);
# an instance states its own, checked on upload (`mastodon.media`). The photo sent is the
# original, or the web rendition over the instance's 16 Mpx, unless the writer picks another.
RULES = Rules(
    max_length=DEFAULT_MAX_CHARACTERS,
    count=mastodon_length,
    max_media=DEFAULT_MAX_MEDIA,
    max_videos=1,
    mix_media=False,
    image_max_bytes=16 * 1024 * 1024,
    video_max_bytes=99 * 1024 * 1024,
    source="reference 4.6; the instance's configuration.statuses overrides",
    media_source=MEDIA_SOURCE,
)

ERRORS: list[ErrorRule] = [
    ErrorRule(REAUTH, SRC, status=401),
    ErrorRule(PERMANENT, SRC, status=422),
    ErrorRule(PERMANENT, SRC, status=403),
    ErrorRule(RETRY, "api/rate-limits.md", status=429),
]

# Scopes it needs to publish (reference 4.6), to show what a connection lacks.
REQUIRED_SCOPES = ("write:statuses", "write:media")
