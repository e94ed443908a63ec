"""X's rules as data: weighted length, its error map, quotas and the scopes it needs.

https://docs.x.com/x-api/fundamentals/response-codes-and-errors ; rate limits:
https://docs.x.com/x-api/fundamentals/rate-limits (reference 4.3).
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


RULES = Rules(max_length=280, count=weighted_length, max_media=4, source="reference 4.3 Length")

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
REQUIRED_SCOPES = ("tweet.read", "tweet.write", "users.read", "offline.access")
