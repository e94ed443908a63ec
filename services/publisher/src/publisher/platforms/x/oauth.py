"""X OAuth 2.0 authorization code with PKCE: code + verifier -> tokens -> the user.

docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code
"""

from __future__ import annotations

from publisher.platforms.oauth import Account, Grant, OAuth, answer, expiry, redirect_uri
from publisher.settings import PublisherSettings

SCOPES = ("tweet.read", "tweet.write", "users.read", "offline.access", "media.write")


def dialog(settings: PublisherSettings, instance_url: str) -> tuple[str, str]:
    """X's authorize page and Machi's OAuth 2.0 client id."""
    return settings.x_authorize_url, settings.x_client_id


async def account(grant: Grant) -> list[Account]:
    """Code + verifier -> access and refresh tokens (offline.access) -> the user."""
    http, settings = grant.http, grant.settings
    token = answer(
        await http.post(
            f"{settings.x_api_url}/2/oauth2/token",
            data={
                "grant_type": "authorization_code",
                "code": grant.code,
                "redirect_uri": redirect_uri(settings, "x"),
                "code_verifier": grant.verifier,
                "client_id": settings.x_client_id,
            },
            auth=(settings.x_client_id, settings.x_client_secret.get_secret_value()),
        )
    )
    me = answer(
        await http.get(
            f"{settings.x_api_url}/2/users/me",
            headers={"Authorization": f"Bearer {token['access_token']}"},
        )
    )["data"]
    secrets = {"access_token": token["access_token"]}
    if token.get("refresh_token"):  # never overwrite a stored refresh token with an empty one
        secrets["refresh_token"] = token["refresh_token"]
    return [
        Account(
            str(me["id"]),
            f"@{me['username']}",
            secrets,
            str(token.get("scope", "")).split(),
            {"username": me["username"]},
            expiry(token),
        )
    ]


OAUTH = OAuth(scopes=SCOPES, scope_separator=" ", dialog=dialog, finish=account)
