"""X API v2: `POST /2/tweets` with an OAuth 2.0 user token.

https://docs.x.com/x-api/fundamentals/response-codes-and-errors ; rate limits:
https://docs.x.com/x-api/fundamentals/rate-limits (reference 4.3).
"""

from __future__ import annotations

import unicodedata
from datetime import datetime

import httpx

from publisher.platforms.base import (
    PERMANENT,
    QUOTA,
    REAUTH,
    RETRY,
    Adapter,
    ErrorRule,
    Published,
    PublishRequest,
    Refreshed,
    Rules,
    count_urls_as,
    epoch_to_datetime,
    error_words,
    fingerprint,
    in_minutes,
    json_object,
)
from publisher.platforms.http import HttpClient

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
        """OAuth 2.0 refresh (offline.access); X rotates the refresh token on every use."""
        refresh_token = request.credentials.get("refresh_token")
        if not refresh_token:
            return None
        response = await self.call(
            request,
            "POST",
            "/2/oauth2/token",
            phase="prepare",
            data={
                "grant_type": "refresh_token",
                "refresh_token": refresh_token,
                "client_id": self.client_id,
            },
            auth=(self.client_id, self.client_secret),
        )
        body = response.json()
        credentials = {**request.credentials, "access_token": body["access_token"]}
        if body.get("refresh_token"):  # never overwrite a refresh token with an empty one
            credentials["refresh_token"] = body["refresh_token"]
        expires = body.get("expires_in")
        return Refreshed(credentials, in_minutes(int(expires) / 60) if expires else None)

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
