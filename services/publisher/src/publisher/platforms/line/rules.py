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


RULES = Rules(max_length=5_000, count=utf16_units, max_media=4, source="reference 4.5 specs")

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
