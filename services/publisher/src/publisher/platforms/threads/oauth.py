"""Threads: code -> short-lived token -> long-lived token (th_exchange_token) -> the profile.

developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions
"""

from __future__ import annotations

from publisher.platforms.oauth import Account, Grant, OAuth, answer, expiry, redirect_uri
from publisher.settings import PublisherSettings

SCOPES = ("threads_basic", "threads_content_publish")


def dialog(settings: PublisherSettings, instance_url: str) -> tuple[str, str]:
    """Threads' authorization window and the Threads app's id."""
    return settings.threads_dialog_url, settings.threads_app_id


async def account(grant: Grant) -> list[Account]:
    """Code -> short-lived token -> long-lived token (th_exchange_token) -> the profile."""
    http, settings = grant.http, grant.settings
    base = settings.threads_graph_url
    secret = settings.threads_app_secret.get_secret_value()
    short = answer(
        await http.post(
            f"{base}/oauth/access_token",
            data={
                "client_id": settings.threads_app_id,
                "client_secret": secret,
                "grant_type": "authorization_code",
                "redirect_uri": redirect_uri(settings, "threads"),
                "code": grant.code,
                "code_verifier": grant.verifier,
            },
        )
    )
    long_lived = answer(
        await http.get(
            f"{base}/access_token",
            params={
                "grant_type": "th_exchange_token",
                "client_secret": secret,
                "access_token": short["access_token"],
            },
        )
    )
    me = answer(
        await http.get(
            f"{base}/me",
            params={"fields": "id,username", "access_token": long_lived["access_token"]},
        )
    )
    return [
        Account(
            str(me["id"]),
            f"@{me.get('username', me['id'])}",
            {"access_token": long_lived["access_token"]},
            list(SCOPES),
            {"username": me.get("username")},
            expiry(long_lived),
        )
    ]


OAUTH = OAuth(scopes=SCOPES, scope_separator=",", dialog=dialog, finish=account)
