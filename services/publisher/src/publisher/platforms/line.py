"""LINE Messaging API broadcast, with `X-Line-Retry-Key` on every send.

https://developers.line.biz/en/reference/messaging-api/ ;
https://developers.line.biz/en/docs/messaging-api/retrying-api-request (reference 4.5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

import httpx

from publisher.platforms.base import (
    PERMANENT,
    QUOTA,
    REAUTH,
    RETRY,
    Adapter,
    ErrorRule,
    PlatformError,
    Published,
    PublishRequest,
    Rules,
    error_words,
    json_object,
)

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


# Insight dates are days in Japan time (UTC+9), ready the day after (reference analytics 4.4).
JST = timezone(timedelta(hours=9))
INSIGHT_SRC = "developers.line.biz/en/reference/messaging-api/#get-number-of-followers"
QUOTA_SRC = "developers.line.biz/en/reference/messaging-api/#get-quota (reference 4.5)"


@dataclass(frozen=True)
class Reach:
    """What one broadcast costs: every friend who has not blocked the account receives it and
    counts as one message against the monthly quota (reference 4.5, Cost model)."""

    messages: int
    followers: int
    targeted_reaches: int
    blocks: int
    quota: int | None  # None: the plan sets no monthly limit (quota type "none")
    used: int

    @property
    def remaining(self) -> int | None:
        return None if self.quota is None else max(self.quota - self.used, 0)

    @property
    def fits(self) -> bool:
        return self.remaining is None or self.messages <= self.remaining


class LineUnavailable(Exception):
    """LINE did not say how many friends or how much quota the account has."""


async def _get(http: httpx.AsyncClient, url: str, token: str, **params: str) -> dict[str, object]:
    try:
        response = await http.get(url, params=params, headers={"Authorization": f"Bearer {token}"})
    except httpx.HTTPError as exc:
        raise LineUnavailable(f"LINE did not answer: {type(exc).__name__}") from exc
    if not response.is_success:
        raise LineUnavailable(f"LINE answered {response.status_code} to {url.split('/v2')[-1]}")
    body: dict[str, object] = response.json()
    return body


async def broadcast_reach(
    http: httpx.AsyncClient, base_url: str, token: str, today: date | None = None
) -> Reach:
    """Friends a broadcast reaches (yesterday's insight, or the day before while it is not
    ready) and the month's quota and consumption (INSIGHT_SRC, QUOTA_SRC)."""
    base = base_url.rstrip("/")
    day = today or datetime.now(UTC).astimezone(JST).date()
    followers: dict[str, object] = {}
    for back in (1, 2):
        stamp = (day - timedelta(days=back)).strftime("%Y%m%d")
        followers = await _get(http, f"{base}/v2/bot/insight/followers", token, date=stamp)
        if followers.get("status") == "ready":
            break
    else:
        raise LineUnavailable("LINE has no friend count for the last two days yet")
    quota = await _get(http, f"{base}/v2/bot/message/quota", token)
    used = await _get(http, f"{base}/v2/bot/message/quota/consumption", token)
    count, blocks = int(str(followers.get("followers", 0))), int(str(followers.get("blocks", 0)))
    return Reach(
        messages=max(count - blocks, 0),
        followers=count,
        targeted_reaches=int(str(followers.get("targetedReaches", 0))),
        blocks=blocks,
        quota=int(str(quota.get("value", 0))) if quota.get("type") == "limited" else None,
        used=int(str(used.get("totalUsage", 0))),
    )


class LineAdapter(Adapter):
    platform = "line"
    rules = RULES
    errors = ERRORS
    idempotent_commit = True  # a repeat with the same key answers 409: already accepted

    def parse_error(self, response: httpx.Response) -> tuple[str | None, str | None, str]:
        message = error_words(response, json_object(response).get("message"))
        return response.headers.get("x-line-accepted-request-id"), None, message

    async def commit(self, request: PublishRequest) -> Published:
        messages: list[dict[str, str]] = [{"type": "text", "text": request.text}]
        for url in request.media_urls[:4]:
            messages.append({"type": "image", "originalContentUrl": url, "previewImageUrl": url})
        headers = {
            "Authorization": f"Bearer {request.credentials.get('access_token', '')}",
            "X-Line-Retry-Key": request.idempotency_key,
        }
        try:
            response = await self.call(
                request,
                "POST",
                "/v2/bot/message/broadcast",
                phase="commit",
                json={"messages": messages},
                headers=headers,
            )
        except PlatformError as exc:
            if exc.http_status != 409:  # 409: this retry key was accepted before = delivered
                raise
            return Published(exc.code or request.idempotency_key)
        return Published(response.headers.get("x-line-request-id", request.idempotency_key))
