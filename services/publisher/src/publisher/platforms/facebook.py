"""Facebook Pages (Graph API): a feed post with the Page token.

https://developers.facebook.com/docs/pages-api/posts ; errors:
https://developers.facebook.com/docs/graph-api/guides/error-handling (reference 4.1).
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

import httpx

from publisher.platforms.base import (
    PERMANENT,
    QUOTA,
    REAUTH,
    RETRY,
    Adapter,
    ErrorRule,
    Published,
    PublishRequest,
    Rules,
    code_points,
    error_words,
    fingerprint,
    json_object,
)

SRC = "developers.facebook.com/docs/graph-api/guides/error-handling"

# Postiz caps Facebook text at 63,206 characters (reference section 1, per-platform validation).
RULES = Rules(max_length=63_206, count=code_points, max_media=10, source="postiz / reference 1")

ERRORS: list[ErrorRule] = [
    ErrorRule(RETRY, SRC, code="1"),
    ErrorRule(RETRY, SRC, code="2"),
    ErrorRule(RETRY, SRC, code="4"),  # app too many calls
    ErrorRule(RETRY, SRC, code="17"),  # user too many calls
    ErrorRule(RETRY, "mixpost rate-limit codes", code="32"),
    ErrorRule(RETRY, SRC, code="341"),
    ErrorRule(RETRY, SRC, code="368"),
    ErrorRule(RETRY, "mixpost rate-limit codes", code="613"),
    ErrorRule(RETRY, "postiz facebook.provider.ts", subcode="1390008"),  # posting too fast
    ErrorRule(REAUTH, "postiz facebook.provider.ts", subcode="1404078"),  # PPA needed
    ErrorRule(REAUTH, SRC, code="190"),  # token expired or invalid (458-467)
    ErrorRule(PERMANENT, SRC, code="506"),  # duplicate post
    ErrorRule(PERMANENT, "postiz facebook.provider.ts", subcode="1366051"),
    ErrorRule(PERMANENT, SRC, code="1609005"),
    ErrorRule(PERMANENT, SRC, code="10"),
    ErrorRule(PERMANENT, SRC, code="3"),
    ErrorRule(QUOTA, "instagram error codes", subcode="2207042"),
]


def meta_error(response: httpx.Response) -> tuple[str | None, str | None, str]:
    """(code, error_subcode, message) of a Graph API error document."""
    error = json_object(response).get("error")
    if not isinstance(error, dict):
        return None, None, error_words(response, None)
    code = error.get("code")
    subcode = error.get("error_subcode")
    message = error_words(response, error.get("error_user_msg") or error.get("message"))
    return (
        str(code)[:40] if code is not None else None,
        str(subcode)[:40] if subcode is not None else None,
        message,
    )


def meta_usage(headers: httpx.Headers) -> tuple[float, float]:
    """Highest usage percent and minutes to regain access from Meta's usage headers."""
    percent, regain = 0.0, 0.0
    app = headers.get("x-app-usage")
    if app:
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            values = json.loads(app)
            percent = max(percent, *(float(v) for v in values.values()))
    buc = headers.get("x-business-use-case-usage")
    if buc:
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            for entries in json.loads(buc).values():
                for entry in entries:
                    percent = max(
                        percent,
                        float(entry.get("call_count", 0)),
                        float(entry.get("total_cputime", 0)),
                        float(entry.get("total_time", 0)),
                    )
                    regain = max(regain, float(entry.get("estimated_time_to_regain_access", 0)))
    return percent, regain


class MetaAdapter(Adapter):
    """Shared by Facebook, Instagram and Threads: Meta's error shape and usage headers."""

    errors = ERRORS
    rate_headers = ("x-app-usage", "x-business-use-case-usage")

    def parse_error(self, response: httpx.Response) -> tuple[str | None, str | None, str]:
        return meta_error(response)

    def observe_rate(self, request: PublishRequest, response: httpx.Response) -> None:
        super().observe_rate(request, response)
        percent, regain = meta_usage(response.headers)
        if percent or regain:
            usage = {"percent": percent, "regain_minutes": regain}
            request.trace.usage[f"{self.platform}:app"] = usage


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
