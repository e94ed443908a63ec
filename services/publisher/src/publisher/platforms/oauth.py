"""What every platform's connect flow shares: the authorization URL (PKCE S256 and state,
RFC 7636/6749), the accounts a flow ends with, and how a platform's answer is read.

Each platform's own endpoints and code exchange live in `publisher.platforms.<name>.oauth`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import httpx

from publisher.errors import OAuthFailed
from publisher.platforms.base import json_object
from publisher.settings import PublisherSettings


@dataclass
class Account:
    """One publishable account a flow ended with; `secrets` are sealed before storage."""

    external_id: str
    name: str
    secrets: dict[str, Any]
    scopes: list[str] = field(default_factory=list)
    config: dict[str, Any] = field(default_factory=dict)
    expires_at: datetime | None = None


@dataclass(frozen=True)
class Grant:
    """What a callback brings to a platform's code exchange; `sealed` is what `start` kept
    (a Mastodon flow's app registration and instance)."""

    http: httpx.AsyncClient
    settings: PublisherSettings
    code: str
    verifier: str
    sealed: Mapping[str, Any]


@dataclass(frozen=True)
class OAuth:
    """A platform's connect flow: where the admin's browser goes, and the code exchange."""

    scopes: tuple[str, ...]
    scope_separator: str
    # (authorization endpoint, Machi's client id there) for the settings and the instance URL
    dialog: Callable[[PublisherSettings, str], tuple[str, str]]
    finish: Callable[[Grant], Awaitable[list[Account]]]
    # The admin picks which of the granted accounts become channels (Meta's Pages).
    choose: bool = False
    # Machi registers itself on each instance first (Mastodon): the flow is on a user-supplied
    # URL, called through the guarded client, and answers with its status only.
    register: (
        Callable[[httpx.AsyncClient, PublisherSettings, str], Awaitable[dict[str, str]]] | None
    ) = None


def redirect_uri(settings: PublisherSettings, platform: str) -> str:
    return f"{settings.oauth_redirect_base.rstrip('/')}/{platform}/callback"


def authorization_url(
    settings: PublisherSettings,
    platform: str,
    oauth: OAuth,
    *,
    state: str,
    challenge: str,
    client_id: str | None = None,
    instance_url: str | None = None,
) -> str:
    """Where the admin's browser goes to grant access (PKCE S256 and state, RFC 7636/6749)."""
    endpoint, configured_client = oauth.dialog(settings, instance_url or "")
    params = {
        "response_type": "code",
        "redirect_uri": redirect_uri(settings, platform),
        "state": state,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        "client_id": client_id or configured_client,
        "scope": oauth.scope_separator.join(oauth.scopes),
    }
    return f"{endpoint}?{urlencode(params)}"


def answer(response: httpx.Response, *, words: bool = True) -> dict[str, Any]:
    """The JSON object of a successful answer. A refusal is `OAuthFailed` with the status and,
    from a platform the operator configured (`words`), its error text from known JSON fields;
    never the raw body, and nothing but the status from a user-supplied instance."""
    body = json_object(response)
    if not response.is_success:
        detail = f"the platform answered {response.status_code}"
        error = body.get("error")
        found = (error.get("message") if isinstance(error, dict) else None) or body.get(
            "error_description", body.get("message")
        )
        if words and isinstance(found, str) and found:
            detail = f"{detail}: {found[:200]}"
        raise OAuthFailed(detail)
    if not body:
        raise OAuthFailed(f"the platform answered {response.status_code} without a JSON object")
    return body


def expiry(body: dict[str, Any]) -> datetime | None:
    """When a token answer's `expires_in` runs out, if it says."""
    seconds = body.get("expires_in")
    return datetime.now(UTC) + timedelta(seconds=int(seconds)) if seconds else None
