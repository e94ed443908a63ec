"""Mastodon `POST /api/v1/statuses` with `Idempotency-Key`, on the channel's own instance.

mastodon/documentation content/en/methods/statuses.md and api/rate-limits.md (reference 4.6).
"""

from __future__ import annotations

from datetime import datetime

import httpx

from publisher.platforms.base import (
    Adapter,
    Published,
    PublishRequest,
    epoch_to_datetime,
    error_words,
    json_object,
)
from publisher.platforms.mastodon.rules import ERRORS, RULES


class MastodonAdapter(Adapter):
    platform = "mastodon"
    rules = RULES
    errors = ERRORS
    rate_headers = ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset")
    idempotent_commit = True  # the same Idempotency-Key within 1 h returns the original status

    def _instance(self, request: PublishRequest) -> str:
        return str(request.config.get("instance_url") or self.base_url)

    def parse_error(self, response: httpx.Response) -> tuple[str | None, str | None, str]:
        return None, None, error_words(response, json_object(response).get("error"))

    def retry_at(self, response: httpx.Response) -> datetime | None:
        return epoch_to_datetime(response.headers.get("x-ratelimit-reset"))

    def rate_keys(self, request: PublishRequest) -> list[str]:
        return [f"mastodon:account:{self._instance(request)}:{request.external_id}"]

    def observe_rate(self, request: PublishRequest, response: httpx.Response) -> None:
        super().observe_rate(request, response)
        reset = epoch_to_datetime(response.headers.get("x-ratelimit-reset"))
        if response.headers.get("x-ratelimit-remaining") == "0" and reset is not None:
            request.trace.blocks[self.rate_keys(request)[0]] = reset

    async def commit(self, request: PublishRequest) -> Published:
        response = await self.call(
            request,
            "POST",
            "/api/v1/statuses",
            phase="commit",
            base_url=self._instance(request),
            data={"status": request.text, "visibility": "public"},
            headers={
                "Authorization": f"Bearer {request.credentials.get('access_token', '')}",
                "Idempotency-Key": request.idempotency_key,
            },
        )
        status = response.json()
        return Published(str(status["id"]), status.get("url"))
