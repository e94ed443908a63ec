"""Mastodon: media uploaded in prepare (`mastodon.media`), then `POST /api/v1/statuses` with
`media_ids[]` and `Idempotency-Key`, on the channel's own instance.

mastodon/documentation content/en/methods/statuses.md and api/rate-limits.md (reference 4.6).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx

from publisher.platforms.base import (
    Adapter,
    Published,
    PublishRequest,
    epoch_to_datetime,
    error_words,
    json_object,
)
from publisher.platforms.mastodon import media
from publisher.platforms.mastodon.rules import ERRORS, RULES


class MastodonAdapter(Adapter):
    platform = "mastodon"
    rules = RULES
    errors = ERRORS
    rate_headers = ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset")
    idempotent_commit = True  # the same Idempotency-Key within 1 h returns the original status

    def instance(self, request: PublishRequest) -> str:
        return str(request.config.get("instance_url") or self.base_url)

    def auth(self, request: PublishRequest) -> dict[str, str]:
        return {"Authorization": f"Bearer {request.credentials.get('access_token', '')}"}

    def parse_error(self, response: httpx.Response) -> tuple[str | None, str | None, str]:
        return None, None, error_words(response, json_object(response).get("error"))

    def retry_at(self, response: httpx.Response) -> datetime | None:
        return epoch_to_datetime(response.headers.get("x-ratelimit-reset"))

    def rate_keys(self, request: PublishRequest) -> list[str]:
        return [f"mastodon:account:{self.instance(request)}:{request.external_id}"]

    def observe_rate(self, request: PublishRequest, response: httpx.Response) -> None:
        super().observe_rate(request, response)
        reset = epoch_to_datetime(response.headers.get("x-ratelimit-reset"))
        if response.headers.get("x-ratelimit-remaining") == "0" and reset is not None:
            request.trace.blocks[self.rate_keys(request)[0]] = reset

    async def prepare(self, request: PublishRequest) -> dict[str, Any]:
        """Upload the media (or reuse the attachments kept from an earlier attempt)."""
        if not request.media:
            return dict(request.prepared)
        ids = await media.upload_all(self, request)
        return {**request.prepared, "media_ids": ids}

    async def commit(self, request: PublishRequest) -> Published:
        data: dict[str, str | list[str]] = {
            "status": request.text,
            "visibility": "public",
            "language": request.language,
        }
        if request.media:
            data["media_ids[]"] = [str(i) for i in request.prepared["media_ids"]]
        response = await self.call(
            request,
            "POST",
            "/api/v1/statuses",
            phase="commit",
            base_url=self.instance(request),
            data=data,
            headers={**self.auth(request), "Idempotency-Key": request.idempotency_key},
        )
        status = response.json()
        return Published(str(status["id"]), status.get("url"))
