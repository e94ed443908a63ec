"""What every insights adapter shares: the reading it returns and the errors it raises."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx

META_TOKEN_CODE = 190  # "Error validating access token" (Graph API error-handling guide)


@dataclass(frozen=True)
class Account:
    """One connected channel with its decrypted token (in memory only, never in an event)."""

    platform: str
    account_id: str
    token: str
    post_ids: tuple[str, ...] = ()
    base_url: str | None = None  # Mastodon: the channel's own instance


@dataclass(frozen=True)
class Reading:
    """One metric of one object as the platform reported it."""

    object_kind: str  # account, post
    object_id: str
    metric: str  # our name: followers, post_views, likes ...
    value: int
    api_version: str


@dataclass
class Pull:
    readings: list[Reading]
    skipped: list[str]  # retired or unavailable metrics, "<platform metric>: <why>"


class InsightsError(Exception):
    """The platform refused the pull (bad token, server error): the channel's pull fails."""


class TokenRejected(InsightsError):
    """The platform no longer accepts the channel's token (HTTP 401, Meta code 190)."""


class RateLimited(InsightsError):
    """The platform asked us to wait; `retry_after` seconds when it said how long."""

    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def raise_for_limits(response: httpx.Response) -> None:
    """429 (or Meta's throttling codes) -> RateLimited, with the platform's reset hint."""
    if response.status_code != 429:
        return
    retry = response.headers.get("retry-after")
    reset = response.headers.get("x-rate-limit-reset")  # X: epoch seconds
    if retry and retry.isdigit():
        raise RateLimited("rate limited", float(retry))
    if reset and reset.isdigit():
        raise RateLimited("rate limited", max(0.0, float(reset) - time.time()))
    raise RateLimited("rate limited", None)


def version_of(base: str) -> str:
    """`v23.0` of a versioned Graph base URL such as `https://graph.facebook.com/v23.0`."""
    return base.rstrip("/").rsplit("/", 1)[-1]


def meta_code(response: httpx.Response) -> int | None:
    """The `error.code` of a Graph API error body (developers.facebook.com/docs/graph-api/
    guides/error-handling), or None."""
    try:
        error = response.json().get("error")
    except ValueError:
        return None
    code = error.get("code") if isinstance(error, dict) else None
    return code if isinstance(code, int) else None


def ok_json(response: httpx.Response) -> dict[str, Any]:
    """The JSON object of a successful answer; platform refusals as `InsightsError`s."""
    raise_for_limits(response)
    if response.status_code == 401 or (
        response.status_code == 400 and meta_code(response) == META_TOKEN_CODE
    ):
        raise TokenRejected(f"{response.status_code}: token rejected")
    if response.status_code >= 400:
        raise InsightsError(f"HTTP {response.status_code}")  # never the body
    body = response.json()
    if not isinstance(body, dict):
        raise InsightsError("unexpected body")
    return body
