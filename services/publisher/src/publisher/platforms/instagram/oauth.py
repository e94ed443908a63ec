"""Instagram professional accounts connect through Facebook Login: the Pages the admin grants,
and the Instagram account linked to each (`publisher.platforms.facebook.oauth`)."""

from __future__ import annotations

from publisher.platforms.facebook.oauth import dialog, meta_pages
from publisher.platforms.oauth import Account, Grant, OAuth

SCOPES = (
    "pages_show_list",
    "instagram_basic",
    "instagram_content_publish",
    "pages_read_engagement",
)


async def accounts(grant: Grant) -> list[Account]:
    """The Instagram accounts of the granted Pages, to choose from."""
    return await meta_pages(grant.http, grant.settings, "instagram", grant.code, grant.verifier)


OAUTH = OAuth(scopes=SCOPES, scope_separator=",", dialog=dialog, finish=accounts, choose=True)
