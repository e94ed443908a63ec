"""What Facebook, Instagram and Threads share: the Graph API's error shape and usage headers,
and the container flow (create, wait for FINISHED, publish).

https://developers.facebook.com/docs/graph-api/guides/error-handling ;
https://developers.facebook.com/docs/instagram-platform/content-publishing/ (reference 4.1, 4.2).
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

import httpx

from publisher.platforms.base import (
    QUOTA,
    REAUTH,
    RETRY,
    Adapter,
    PlatformError,
    Published,
    PublishRequest,
    error_words,
    in_minutes,
    json_object,
)
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


class ContainerAdapter(MetaAdapter):
    """Instagram and Threads: create a container, wait for FINISHED, publish it."""

    media_path = "/media"
    publish_path = "/media_publish"
    limit_path = "/content_publishing_limit"
    status_field = "status_code"

    def container_body(self, request: PublishRequest) -> dict[str, Any]:
        body: dict[str, Any] = {"caption": request.text}
        if request.media_urls:
            body["image_url"] = request.media_urls[0]
        return body

    def token_params(self, request: PublishRequest) -> dict[str, str]:
        """The access token as the Graph API takes it, in the query or form."""
        return {"access_token": str(request.credentials.get("access_token", ""))}

    async def _status(self, request: PublishRequest, container: str, phase: str) -> str:
        response = await self.call(
            request,
            "GET",
            f"/{container}",
            phase=phase,
            params={"fields": self.status_field, **self.token_params(request)},
        )
        return str(response.json().get(self.status_field, ""))

    async def _within_publishing_limit(self, request: PublishRequest) -> None:
        """The account's own count of API posts in the rolling window (reference 4.2, 4.4: read
        the real quota rather than hard-coding 25 or 50); a full window waits an hour."""
        try:
            response = await self.call(
                request,
                "GET",
                f"/{request.external_id}{self.limit_path}",
                phase="prepare",
                params={"fields": "quota_usage,config", **self.token_params(request)},
            )
        except PlatformError as error:
            if error.category == REAUTH:
                raise
            return  # advisory: the platform still refuses a post over its limit (2207042)
        data = response.json().get("data") or [{}]
        usage = int(data[0].get("quota_usage") or 0)
        total = int((data[0].get("config") or {}).get("quota_total") or 0)
        if total and usage >= total:
            until = in_minutes(60)
            request.trace.blocks[f"{self.platform}:account:{request.external_id}"] = until
            raise PlatformError(
                QUOTA,
                f"the account has used its {total} API posts of the last 24 hours",
                retry_at=until,
            )

    async def prepare(self, request: PublishRequest) -> dict[str, Any]:
        container = request.prepared.get("container_id")
        if not container:
            await self._within_publishing_limit(request)
            response = await self.call(
                request,
                "POST",
                f"/{request.external_id}{self.media_path}",
                phase="prepare",
                data={**self.container_body(request), **self.token_params(request)},
            )
            container = str(response.json()["id"])
            # Kept with the delivery at once: a retry while it is processing, or after the
            # worker died, waits for this container instead of making another.
            request.prepared = {**request.prepared, "container_id": container}
            await request.save()
        status = await self._status(request, container, "prepare")
        if status in ("ERROR", "EXPIRED"):
            request.prepared = {k: v for k, v in request.prepared.items() if k != "container_id"}
            await request.save()
            raise PlatformError(RETRY, f"container {status}")  # a new one next time
        if status != "FINISHED":
            raise PlatformError(RETRY, f"container {status or 'not ready'}")
        return {**request.prepared, "container_id": container}

    async def commit(self, request: PublishRequest) -> Published:
        response = await self.call(
            request,
            "POST",
            f"/{request.external_id}{self.publish_path}",
            phase="commit",
            data={"creation_id": request.prepared["container_id"], **self.token_params(request)},
        )
        return Published(str(response.json()["id"]))

    async def lookup(self, request: PublishRequest) -> Published | None:
        """A container that is PUBLISHED was published; any other state was not (reference 4.7)."""
        container = request.prepared.get("container_id")
        if not container:
            return None
        if await self._status(request, container, "reconcile") != "PUBLISHED":
            return None
        return Published(f"container:{container}")
