"""LINE Messaging API broadcast, with `X-Line-Retry-Key` on every send.

https://developers.line.biz/en/reference/messaging-api/ ;
https://developers.line.biz/en/docs/messaging-api/retrying-api-request (reference 4.5).
"""

from __future__ import annotations

import httpx

from publisher.platforms.base import (
    Adapter,
    PlatformError,
    Published,
    PublishRequest,
    error_words,
    json_object,
)
from publisher.platforms.line.rules import ERRORS, RULES


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
