"""Each platform's OAuth endpoints and the calls of its connect flow, over httpx.

Facebook Login (manual flow, long-lived token exchange, /me/accounts):
https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow ;
X OAuth 2.0 PKCE: docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code ;
Threads: developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions ;
Mastodon: https://docs.joinmastodon.org/client/token/ (apps are registered per instance).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import httpx

from publisher.errors import OAuthFailed
from publisher.platforms.base import json_object
from publisher.settings import PublisherSettings

SCOPES: dict[str, list[str]] = {
    "facebook_page": ["pages_show_list", "pages_manage_posts", "pages_read_engagement"],
    "instagram": [
        "pages_show_list",
        "instagram_basic",
        "instagram_content_publish",
        "pages_read_engagement",
    ],
    "x": ["tweet.read", "tweet.write", "users.read", "offline.access"],
    "threads": ["threads_basic", "threads_content_publish"],
    "mastodon": ["read:accounts", "write:statuses", "write:media"],
}


@dataclass
class Account:
    """One publishable account a flow ended with; `secrets` are sealed before storage."""

    external_id: str
    name: str
    secrets: dict[str, Any]
    scopes: list[str] = field(default_factory=list)
    config: dict[str, Any] = field(default_factory=dict)
    expires_at: datetime | None = None


def redirect_uri(settings: PublisherSettings, platform: str) -> str:
    return f"{settings.oauth_redirect_base.rstrip('/')}/{platform}/callback"


def authorization_url(
    settings: PublisherSettings,
    platform: str,
    *,
    state: str,
    challenge: str,
    client_id: str | None = None,
    instance_url: str | None = None,
) -> str:
    """Where the admin's browser goes to grant access (PKCE S256 and state, RFC 7636/6749)."""
    params = {
        "response_type": "code",
        "redirect_uri": redirect_uri(settings, platform),
        "state": state,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    if platform in ("facebook_page", "instagram"):
        base = settings.facebook_dialog_url
        params |= {"client_id": settings.facebook_app_id, "scope": ",".join(SCOPES[platform])}
    elif platform == "x":
        base = settings.x_authorize_url
        params |= {"client_id": settings.x_client_id, "scope": " ".join(SCOPES["x"])}
    elif platform == "threads":
        base = settings.threads_dialog_url
        params |= {"client_id": settings.threads_app_id, "scope": ",".join(SCOPES["threads"])}
    else:
        base = f"{instance_url}/oauth/authorize"
        params |= {"client_id": client_id or "", "scope": " ".join(SCOPES["mastodon"])}
    return f"{base}?{urlencode(params)}"


def _json(response: httpx.Response, *, words: bool = True) -> dict[str, Any]:
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


def _expiry(body: dict[str, Any]) -> datetime | None:
    seconds = body.get("expires_in")
    return datetime.now(UTC) + timedelta(seconds=int(seconds)) if seconds else None


async def register_mastodon_app(
    http: httpx.AsyncClient, settings: PublisherSettings, instance_url: str
) -> dict[str, str]:
    """Register Machi as an app on the instance (POST /api/v1/apps)."""
    body = _json(
        await http.post(
            f"{instance_url}/api/v1/apps",
            data={
                "client_name": "Machi",
                "redirect_uris": redirect_uri(settings, "mastodon"),
                "scopes": " ".join(SCOPES["mastodon"]),
            },
        ),
        words=False,
    )
    return {"client_id": str(body["client_id"]), "client_secret": str(body["client_secret"])}


async def meta_pages(
    http: httpx.AsyncClient, settings: PublisherSettings, platform: str, code: str, verifier: str
) -> list[Account]:
    """Code -> user token -> long-lived token -> the Pages (or their IG accounts) it manages."""
    graph = settings.facebook_graph_url
    secret = settings.facebook_app_secret.get_secret_value()
    short = _json(
        await http.get(
            f"{graph}/oauth/access_token",
            params={
                "client_id": settings.facebook_app_id,
                "client_secret": secret,
                "redirect_uri": redirect_uri(settings, platform),
                "code": code,
                "code_verifier": verifier,
            },
        )
    )
    long_lived = _json(
        await http.get(
            f"{graph}/oauth/access_token",
            params={
                "grant_type": "fb_exchange_token",
                "client_id": settings.facebook_app_id,
                "client_secret": secret,
                "fb_exchange_token": short["access_token"],
            },
        )
    )
    user_token = long_lived["access_token"]
    granted = _json(await http.get(f"{graph}/me/permissions", params={"access_token": user_token}))
    scopes = [p["permission"] for p in granted.get("data", []) if p.get("status") == "granted"]
    fields = "id,name,access_token,instagram_business_account{id,username}"
    pages = _json(
        await http.get(
            f"{graph}/me/accounts", params={"fields": fields, "access_token": user_token}
        )
    )
    accounts = []
    for page in pages.get("data", []):
        secrets = {"access_token": page["access_token"]}
        if platform == "facebook_page":
            accounts.append(Account(str(page["id"]), str(page["name"]), secrets, scopes))
            continue
        ig = page.get("instagram_business_account")
        if ig:
            name = str(ig.get("username") or page["name"])
            accounts.append(Account(str(ig["id"]), name, secrets, scopes))
    return accounts


async def x_account(
    http: httpx.AsyncClient, settings: PublisherSettings, code: str, verifier: str
) -> Account:
    """Code + verifier -> access and refresh tokens (offline.access) -> the user."""
    token = _json(
        await http.post(
            f"{settings.x_api_url}/2/oauth2/token",
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": redirect_uri(settings, "x"),
                "code_verifier": verifier,
                "client_id": settings.x_client_id,
            },
            auth=(settings.x_client_id, settings.x_client_secret.get_secret_value()),
        )
    )
    me = _json(
        await http.get(
            f"{settings.x_api_url}/2/users/me",
            headers={"Authorization": f"Bearer {token['access_token']}"},
        )
    )["data"]
    secrets = {"access_token": token["access_token"]}
    if token.get("refresh_token"):  # never overwrite a stored refresh token with an empty one
        secrets["refresh_token"] = token["refresh_token"]
    return Account(
        str(me["id"]),
        f"@{me['username']}",
        secrets,
        str(token.get("scope", "")).split(),
        {"username": me["username"]},
        _expiry(token),
    )


async def threads_account(
    http: httpx.AsyncClient, settings: PublisherSettings, code: str, verifier: str
) -> Account:
    """Code -> short-lived token -> long-lived token (th_exchange_token) -> the profile."""
    base = settings.threads_graph_url
    secret = settings.threads_app_secret.get_secret_value()
    short = _json(
        await http.post(
            f"{base}/oauth/access_token",
            data={
                "client_id": settings.threads_app_id,
                "client_secret": secret,
                "grant_type": "authorization_code",
                "redirect_uri": redirect_uri(settings, "threads"),
                "code": code,
                "code_verifier": verifier,
            },
        )
    )
    long_lived = _json(
        await http.get(
            f"{base}/access_token",
            params={
                "grant_type": "th_exchange_token",
                "client_secret": secret,
                "access_token": short["access_token"],
            },
        )
    )
    me = _json(
        await http.get(
            f"{base}/me",
            params={"fields": "id,username", "access_token": long_lived["access_token"]},
        )
    )
    return Account(
        str(me["id"]),
        f"@{me.get('username', me['id'])}",
        {"access_token": long_lived["access_token"]},
        SCOPES["threads"],
        {"username": me.get("username")},
        _expiry(long_lived),
    )


async def mastodon_account(
    http: httpx.AsyncClient,
    settings: PublisherSettings,
    code: str,
    verifier: str,
    app: dict[str, str],
    instance_url: str,
) -> Account:
    """Code -> token -> the account and the instance's own status limits."""
    token = _json(
        await http.post(
            f"{instance_url}/oauth/token",
            data={
                "grant_type": "authorization_code",
                "code": code,
                "client_id": app["client_id"],
                "client_secret": app["client_secret"],
                "redirect_uri": redirect_uri(settings, "mastodon"),
                "code_verifier": verifier,
            },
        ),
        words=False,
    )
    auth = {"Authorization": f"Bearer {token['access_token']}"}
    me = _json(
        await http.get(f"{instance_url}/api/v1/accounts/verify_credentials", headers=auth),
        words=False,
    )
    instance = _json(await http.get(f"{instance_url}/api/v2/instance"), words=False)
    statuses = instance.get("configuration", {}).get("statuses", {})
    return Account(
        str(me["id"]),
        f"@{me['username']}",
        {"access_token": token["access_token"]},
        str(token.get("scope", "")).split(),
        {
            "instance_url": instance_url,
            "username": me["username"],
            "max_characters": statuses.get("max_characters", 500),
            "characters_reserved_per_url": statuses.get("characters_reserved_per_url", 23),
        },
    )
