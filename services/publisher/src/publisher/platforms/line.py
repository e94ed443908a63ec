"""LINE Messaging API broadcast, with `X-Line-Retry-Key` on every send.

https://developers.line.biz/en/reference/messaging-api/ ;
https://developers.line.biz/en/docs/messaging-api/retrying-api-request (reference 4.5).
"""

from __future__ import annotations

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


class LineAdapter(Adapter):
    platform = "line"
    rules = RULES
    errors = ERRORS
    idempotent_commit = True  # a repeat with the same key answers 409: already accepted

    def parse_error(self, response: httpx.Response) -> tuple[str | None, str | None, str]:
        try:
            message = str(response.json().get("message", response.reason_phrase))
        except ValueError:
            message = response.text[:500]
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
