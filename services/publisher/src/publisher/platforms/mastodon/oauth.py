"""Mastodon: Machi registers itself as an app on each instance, then code -> token -> the
account and the instance's own status limits (https://docs.joinmastodon.org/client/token/).

The instance is a user-supplied URL: every call goes through the guarded client, and a refusal
reaches the admin as its status only (`answer(..., words=False)`).
"""

from __future__ import annotations

import httpx

from publisher.platforms.oauth import Account, Grant, OAuth, answer, redirect_uri
from publisher.settings import PublisherSettings

SCOPES = ("read:accounts", "write:statuses", "write:media")


def dialog(settings: PublisherSettings, instance_url: str) -> tuple[str, str]:
    """The instance's authorize page; the client id is the instance's registration."""
    return f"{instance_url}/oauth/authorize", ""


async def register_app(
    http: httpx.AsyncClient, settings: PublisherSettings, instance_url: str
) -> dict[str, str]:
    """Register Machi as an app on the instance (POST /api/v1/apps)."""
    body = answer(
        await http.post(
            f"{instance_url}/api/v1/apps",
            data={
                "client_name": "Machi",
                "redirect_uris": redirect_uri(settings, "mastodon"),
                "scopes": " ".join(SCOPES),
            },
        ),
        words=False,
    )
    return {"client_id": str(body["client_id"]), "client_secret": str(body["client_secret"])}


async def account(grant: Grant) -> list[Account]:
    """Code -> token -> the account and the instance's own status limits."""
    http, app, instance_url = grant.http, grant.sealed["app"], str(grant.sealed["instance_url"])
    token = answer(
        await http.post(
            f"{instance_url}/oauth/token",
            data={
                "grant_type": "authorization_code",
                "code": grant.code,
                "client_id": app["client_id"],
                "client_secret": app["client_secret"],
                "redirect_uri": redirect_uri(grant.settings, "mastodon"),
                "code_verifier": grant.verifier,
            },
        ),
        words=False,
    )
    auth = {"Authorization": f"Bearer {token['access_token']}"}
    me = answer(
        await http.get(f"{instance_url}/api/v1/accounts/verify_credentials", headers=auth),
        words=False,
    )
    instance = answer(await http.get(f"{instance_url}/api/v2/instance"), words=False)
    statuses = instance.get("configuration", {}).get("statuses", {})
    return [
        Account(
            str(me["id"]),
            f"@{me['username']}",
            {"access_token": token["access_token"]},
            str(token.get("scope", "")).split(),
            {
                "instance_url": instance_url,
                "username": me["username"],
                "max_characters": statuses.get("max_characters", 500),
                "characters_reserved_per_url": statuses.get("characters_reserved_per_url", 23),
                "max_media_attachments": statuses.get("max_media_attachments", 4),
            },
        )
    ]


OAUTH = OAuth(
    scopes=SCOPES, scope_separator=" ", dialog=dialog, finish=account, register=register_app
)
