"""X API v2: media uploaded in prepare (`x.media`), then `POST /2/tweets` with the text and
`media.media_ids`, with an OAuth 2.0 user token (reference 4.3; docs.x.com/x-api/posts/
creation-of-a-post)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx

from publisher.platforms.base import (
    RETRY,
    Adapter,
    PlatformError,
    Published,
    PublishRequest,
    Refreshed,
    epoch_to_datetime,
    error_words,
    fingerprint,
    json_object,
)
from publisher.platforms.http import HttpClient
from publisher.platforms.x import media, tokens
from publisher.platforms.x.rules import ERRORS, RULES


class XAdapter(Adapter):
    platform = "x"
    rules = RULES
    errors = ERRORS
    rate_headers = ("x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset")

    def __init__(
        self, http: HttpClient, base_url: str, client_id: str = "", client_secret: str = ""
    ) -> None:
        super().__init__(http, base_url)
        self.client_id = client_id
        self.client_secret = client_secret
        self.chunk_bytes = media.CHUNK_BYTES

    async def refresh(self, request: PublishRequest) -> Refreshed | None:
        return await tokens.refresh(self, request)

    def auth(self, request: PublishRequest) -> dict[str, str]:
        return {"Authorization": f"Bearer {request.credentials.get('access_token', '')}"}

    def parse_error(self, response: httpx.Response) -> tuple[str | None, str | None, str]:
        body = json_object(response)
        kind = body.get("type")
        message = error_words(response, body.get("detail") or body.get("title"))
        return str(kind)[:40] if kind else None, None, message

    def retry_at(self, response: httpx.Response) -> datetime | None:
        return epoch_to_datetime(response.headers.get("x-rate-limit-reset"))

    def observe_rate(self, request: PublishRequest, response: httpx.Response) -> None:
        super().observe_rate(request, response)
        reset = epoch_to_datetime(response.headers.get("x-rate-limit-reset"))
        if response.headers.get("x-rate-limit-remaining") == "0" and reset is not None:
            request.trace.blocks[f"x:account:{request.external_id}"] = reset

    async def prepare(self, request: PublishRequest) -> dict[str, Any]:
        """Upload the media (or reuse the ids kept from an earlier attempt)."""
        if not request.media:
            return dict(request.prepared)
        ids = await media.upload_all(self, request)
        return {**request.prepared, "media_ids": ids}

    async def commit(self, request: PublishRequest) -> Published:
        body: dict[str, Any] = {"text": request.text}
        if request.media:
            body["media"] = {"media_ids": list(request.prepared["media_ids"])}
        try:
            response = await self.call(
                request, "POST", "/2/tweets", phase="commit", json=body, headers=self.auth(request)
            )
        except PlatformError as error:
            if error.http_status == 400 and "media" in error.message.lower():
                # X refused the ids (expired or unknown): nothing was posted. Upload again.
                await media.forget(request)
                raise PlatformError(
                    RETRY, error.message, http_status=400, code=error.code
                ) from error
            raise
        tweet_id = str(response.json()["data"]["id"])
        username = request.config.get("username") or "i"
        return Published(tweet_id, f"https://x.com/{username}/status/{tweet_id}")

    async def lookup(self, request: PublishRequest) -> Published | None:
        """The account's recent posts, t.co links expanded, matched on the fingerprint."""
        response = await self.call(
            request,
            "GET",
            f"/2/users/{request.external_id}/tweets",
            phase="reconcile",
            params={"max_results": "50", "tweet.fields": "entities"},
            headers=self.auth(request),
        )
        for tweet in response.json().get("data", []):
            text = str(tweet.get("text", ""))
            for url in tweet.get("entities", {}).get("urls", []):
                text = text.replace(url.get("url", ""), url.get("expanded_url", ""))
            if fingerprint(text) == request.fingerprint:
                return Published(str(tweet["id"]))
        return None
