"""X token refresh: OAuth 2.0 access tokens last 2 hours; `offline.access` gives a refresh
token, which X rotates on every use (docs.x.com OAuth 2.0 authorization code with PKCE)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from publisher.platforms.base import PublishRequest, Refreshed, RefreshRule, in_minutes

if TYPE_CHECKING:
    from publisher.platforms.x.publish import XAdapter

REFRESH = RefreshRule(
    timedelta(minutes=30),
    "docs.x.com OAuth 2.0: access tokens last 2 h; offline.access gives a refresh token",
)


async def refresh(adapter: XAdapter, request: PublishRequest) -> Refreshed | None:
    """OAuth 2.0 refresh (offline.access); X rotates the refresh token on every use."""
    refresh_token = request.credentials.get("refresh_token")
    if not refresh_token:
        return None
    response = await adapter.call(
        request,
        "POST",
        "/2/oauth2/token",
        phase="prepare",
        data={
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": adapter.client_id,
        },
        auth=(adapter.client_id, adapter.client_secret),
    )
    body = response.json()
    credentials = {**request.credentials, "access_token": body["access_token"]}
    if body.get("refresh_token"):  # never overwrite a refresh token with an empty one
        credentials["refresh_token"] = body["refresh_token"]
    expires = body.get("expires_in")
    return Refreshed(credentials, in_minutes(int(expires) / 60) if expires else None)
