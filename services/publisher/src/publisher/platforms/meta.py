"""What Facebook, Instagram and Threads share: the Graph API's error shape and usage headers
(the container flow of Instagram and Threads is `publisher.platforms.containers`).

https://developers.facebook.com/docs/graph-api/guides/error-handling ;
https://developers.facebook.com/docs/instagram-platform/content-publishing/ (reference 4.1, 4.2).
"""

from __future__ import annotations

import contextlib
import json

import httpx

from publisher.platforms.base import Adapter, PublishRequest, error_words, json_object
from publisher.platforms.facebook.rules import ERRORS as GRAPH_ERRORS


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

    errors = GRAPH_ERRORS
    rate_headers = ("x-app-usage", "x-business-use-case-usage")

    def parse_error(self, response: httpx.Response) -> tuple[str | None, str | None, str]:
        return meta_error(response)

    def observe_rate(self, request: PublishRequest, response: httpx.Response) -> None:
        super().observe_rate(request, response)
        percent, regain = meta_usage(response.headers)
        if percent or regain:
            usage = {"percent": percent, "regain_minutes": regain}
            request.trace.usage[f"{self.platform}:app"] = usage
