"""LINE's rules as data: UTF-16 length, its status-code map, the broadcast request quota.

https://developers.line.biz/en/reference/messaging-api/ ;
https://developers.line.biz/en/docs/messaging-api/retrying-api-request (reference 4.5).
"""

from __future__ import annotations

from datetime import timedelta

from publisher.platforms.base import PERMANENT, QUOTA, REAUTH, RETRY, ErrorRule, Quota, Rules

SRC = "developers.line.biz/en/reference/messaging-api/#status-codes"


def utf16_units(text: str) -> int:
    """LINE counts text in UTF-16 code units (reference 4.5)."""
    return len(text.encode("utf-16-le")) // 2


# Media, each with its source (reference 4.5 Message specs; developers.line.biz/en/reference/
# messaging-api/#image-message): a broadcast takes 1 to 5 messages, so the text and at most 4
# image messages; images JPEG or PNG at most 10 MB at an HTTPS URL, a preview at most 1 MB
# (the catalog's thumbnail); videos are not sent. The photo sent is the catalog's web
# rendition (at most 1,600 px a side, well under 10 MB) unless the writer picks another.
MAX_MESSAGES = 5  # one broadcast: 1 to 5 message objects (reference 4.5 Broadcast)
CARD_KEY = "line_card"  # prepared[CARD_KEY]: the plan had `line_broadcast` when it was scheduled

RULES = Rules(
    max_length=5_000,
    count=utf16_units,
    max_media=4,
    max_videos=0,
    image_max_bytes=10 * 1024 * 1024,
    source="reference 4.5 specs",
    media_source="developers.line.biz/en/reference/messaging-api/#image-message; reference 4.5",
    rendition="web",
)

ERRORS: list[ErrorRule] = [
    ErrorRule(PERMANENT, SRC, status=400),
    ErrorRule(REAUTH, SRC, status=401),
    ErrorRule(PERMANENT, SRC, status=403),
    ErrorRule(QUOTA, SRC, status=429, message_contains="monthly limit"),
    ErrorRule(RETRY, SRC, status=429),
    ErrorRule(RETRY, "retrying-api-request: 5xx, same key", status=500),
]

QUOTAS = (
    Quota("line", 60, timedelta(hours=1), False, "reference 4.5: broadcast 60 requests / hour"),
)
