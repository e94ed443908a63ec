"""X's rules as data: weighted length, media, its error map, quotas and the scopes it needs.

https://docs.x.com/x-api/fundamentals/response-codes-and-errors ; rate limits:
https://docs.x.com/x-api/fundamentals/rate-limits (reference 4.3).

Media rules, each with its source:
- per post: up to 4 images, or 1 video or animated GIF, never mixed
  (docs.x.com/x-api/media/quickstart/best-practices; reference 4.3 Media);
- image: 5 MB, one call `POST /2/media/upload` with media_category=tweet_image
  (docs.x.com/x-api/media size restrictions; docs.x.com/x-api/media/upload-media);
- GIF 15 MB, video 512 MB: chunked initialize, append (segments 0-999), finalize, then status
  until `processing_info.state` succeeds (docs.x.com/x-api/media/quickstart/media-upload-chunked);
- alt text: `POST /2/media/metadata` `metadata.alt_text.text`, at most 1,000 characters, images
  and GIFs (docs.x.com/x-api/media/create-media-metadata);
- a media id lives `expires_after_secs` after its upload, then is uploaded again;
- uploading needs the `media.write` scope on the OAuth 2.0 user token.
"""

from __future__ import annotations

import unicodedata
from datetime import timedelta

from publisher.platforms.base import (
    PERMANENT,
    QUOTA,
    REAUTH,
    RETRY,
    ErrorRule,
    Quota,
    Rules,
    count_urls_as,
)

SRC = "docs.x.com/x-api/fundamentals/response-codes-and-errors"

# twitter-text v3 config (docs.x.com/fundamentals/counting-characters): code points in these
# ranges weigh 1, every other one (CJK, emoji) weighs 2; every URL weighs 23; limit 280.
LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
URL_WEIGHT = 23


def _weight(char: str) -> int:
    cp = ord(char)
    return 1 if any(lo <= cp <= hi for lo, hi in LIGHT_RANGES) else 2


def _weighted(text: str) -> int:
    return sum(_weight(c) for c in text)


def weighted_length(text: str) -> int:
    """X's weighted length of `text` after NFC normalisation."""
    return count_urls_as(URL_WEIGHT, unicodedata.normalize("NFC", text), _weighted)


RULES = Rules(
    max_length=280,
    count=weighted_length,
    max_media=4,
    max_videos=1,
    mix_media=False,
    # An image over 5 MB goes up as the catalog's web rendition (`x.media`): not refused here.
    video_max_bytes=512 * 1024 * 1024,
    source="reference 4.3 Length",
    media_source="docs.x.com/x-api/media/quickstart/best-practices",
)

ERRORS: list[ErrorRule] = [
    ErrorRule(PERMANENT, SRC, status=400),
    ErrorRule(REAUTH, SRC, status=401),
    ErrorRule(PERMANENT, SRC, status=403),  # duplicate content, suspended, not permitted
    ErrorRule(QUOTA, SRC, status=429, message_contains="usage cap"),
    ErrorRule(RETRY, SRC, status=429),  # wait until x-rate-limit-reset (no Retry-After)
    ErrorRule(RETRY, SRC, status=500),
    ErrorRule(RETRY, SRC, status=502),
    ErrorRule(RETRY, SRC, status=503),
    ErrorRule(RETRY, SRC, status=504),
]

QUOTAS = (
    Quota("x", 300, timedelta(hours=3), False, "reference 4.3: 300 posts / 3 h per user"),
    Quota("x", 300, timedelta(hours=3), True, "reference 4.3: ... and per app"),
)

# Scopes it needs to publish (reference 4.3), to show what a connection lacks.
REQUIRED_SCOPES = ("tweet.read", "tweet.write", "users.read", "offline.access", "media.write")
