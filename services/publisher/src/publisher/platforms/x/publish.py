"""X API v2: `POST /2/tweets` with an OAuth 2.0 user token (reference 4.3)."""

from __future__ import annotations

from datetime import datetime

import httpx

from publisher.platforms.base import (
    Adapter,
    Published,
    PublishRequest,
    Refreshed,
    epoch_to_datetime,
    error_words,
    fingerprint,
    json_object,
)
from publisher.platforms.http import HttpClient
from publisher.platforms.x import tokens
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

    async def refresh(self, request: PublishRequest) -> Refreshed | None:
        return await tokens.refresh(self, request)

    def _auth(self, request: PublishRequest) -> dict[str, str]:
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

    async def commit(self, request: PublishRequest) -> Published:
        response = await self.call(
            request,
            "POST",
            "/2/tweets",
            phase="commit",
            json={"text": request.text},
            headers=self._auth(request),
        )
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
            headers=self._auth(request),
        )
        for tweet in response.json().get("data", []):
            text = str(tweet.get("text", ""))
            for url in tweet.get("entities", {}).get("urls", []):
                text = text.replace(url.get("url", ""), url.get("expanded_url", ""))
            if fingerprint(text) == request.fingerprint:
                return Published(str(tweet["id"]))
        return None
