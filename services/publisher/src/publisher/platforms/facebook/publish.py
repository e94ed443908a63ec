"""Facebook Pages (Graph API): a feed post with the Page token.

https://developers.facebook.com/docs/pages-api/posts ; errors: `rules.ERRORS` (reference 4.1).
"""

from __future__ import annotations

from typing import Any

from publisher.platforms.base import Published, PublishRequest, fingerprint
from publisher.platforms.facebook.rules import RULES
from publisher.platforms.meta import MetaAdapter


class FacebookAdapter(MetaAdapter):
    platform = "facebook_page"
    rules = RULES

    def _token(self, request: PublishRequest) -> dict[str, Any]:
        return {"access_token": request.credentials.get("access_token", "")}

    async def commit(self, request: PublishRequest) -> Published:
        data = {"message": request.text, **self._token(request)}
        response = await self.call(
            request, "POST", f"/{request.external_id}/feed", phase="commit", data=data
        )
        return Published(str(response.json()["id"]))

    async def confirm(self, request: PublishRequest, published: Published) -> Published:
        response = await self.call(
            request,
            "GET",
            f"/{published.platform_post_id}",
            phase="confirm",
            params={"fields": "permalink_url", **self._token(request)},
        )
        return Published(published.platform_post_id, response.json().get("permalink_url"))

    async def lookup(self, request: PublishRequest) -> Published | None:
        """Recent Page posts matched on the text fingerprint (reference 4.7, outcome unknown)."""
        response = await self.call(
            request,
            "GET",
            f"/{request.external_id}/feed",
            phase="reconcile",
            params={"fields": "id,message,permalink_url", "limit": "50", **self._token(request)},
        )
        for post in response.json().get("data", []):
            if fingerprint(post.get("message", "")) == request.fingerprint:
                return Published(str(post["id"]), post.get("permalink_url"))
        return None
