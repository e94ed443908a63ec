"""Facebook Login for Pages: code -> user token -> long-lived token -> the Pages it manages.

https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow
"""

from __future__ import annotations

import httpx

from publisher.platforms.oauth import Account, Grant, OAuth, answer, redirect_uri
from publisher.settings import PublisherSettings

SCOPES = ("pages_show_list", "pages_manage_posts", "pages_read_engagement")


def dialog(settings: PublisherSettings, instance_url: str) -> tuple[str, str]:
    """Facebook's login dialog and the Meta app's id."""
    return settings.facebook_dialog_url, settings.facebook_app_id


async def meta_pages(
    http: httpx.AsyncClient, settings: PublisherSettings, platform: str, code: str, verifier: str
) -> list[Account]:
    """Code -> user token -> long-lived token -> the Pages (or their IG accounts) it manages."""
    graph = settings.facebook_graph_url
    secret = settings.facebook_app_secret.get_secret_value()
    short = answer(
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
    long_lived = answer(
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
    granted = answer(await http.get(f"{graph}/me/permissions", params={"access_token": user_token}))
    scopes = [p["permission"] for p in granted.get("data", []) if p.get("status") == "granted"]
    fields = "id,name,access_token,instagram_business_account{id,username}"
    pages = answer(
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


async def pages(grant: Grant) -> list[Account]:
    """The Pages the admin granted, to choose from."""
    return await meta_pages(grant.http, grant.settings, "facebook_page", grant.code, grant.verifier)


OAUTH = OAuth(scopes=SCOPES, scope_separator=",", dialog=dialog, finish=pages, choose=True)
