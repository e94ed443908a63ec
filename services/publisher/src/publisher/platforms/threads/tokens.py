"""Threads token refresh: long-lived tokens (60 days) renewed with `th_refresh_token`
(reference 4.4, Tokens)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from publisher.platforms.base import PublishRequest, Refreshed, RefreshRule, in_minutes

if TYPE_CHECKING:
    from publisher.platforms.threads.publish import ThreadsAdapter

REFRESH = RefreshRule(
    timedelta(days=7),
    "reference 4.4: long-lived tokens (60 days) refreshed with th_refresh_token",
)


async def refresh(adapter: ThreadsAdapter, request: PublishRequest) -> Refreshed | None:
    """A new long-lived token for the one in `request` (reference 4.4, Tokens)."""
    response = await adapter.call(
        request,
        "GET",
        "/refresh_access_token",
        phase="prepare",
        params={"grant_type": "th_refresh_token", **adapter.token_params(request)},
    )
    body = response.json()
    expires = body.get("expires_in")
    credentials = {**request.credentials, "access_token": body["access_token"]}
    return Refreshed(credentials, in_minutes(int(expires) / 60) if expires else None)
