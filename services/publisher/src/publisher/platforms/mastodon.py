"""Mastodon `POST /api/v1/statuses` with `Idempotency-Key`, on the channel's own instance.

mastodon/documentation content/en/methods/statuses.md and api/rate-limits.md (reference 4.6).
"""

from __future__ import annotations

from datetime import datetime

import httpx

from kit import outbound
from kit.outbound import OutboundPolicy
from publisher.platforms.base import (
    PERMANENT,
    REAUTH,
    RETRY,
    Adapter,
    ErrorRule,
    Published,
    PublishRequest,
    Rules,
    code_points,
    count_urls_as,
    epoch_to_datetime,
    error_words,
    json_object,
)

SRC = "mastodon/documentation content/en/methods/statuses.md"
DEFAULT_MAX_CHARACTERS = 500
DEFAULT_URL_RESERVATION = 23


def mastodon_length(text: str, reserved_per_url: int = DEFAULT_URL_RESERVATION) -> int:
    """Every link counts `characters_reserved_per_url` (docs.joinmastodon.org/user/posting)."""
    return count_urls_as(reserved_per_url, text, code_points)


RULES = Rules(
    max_length=DEFAULT_MAX_CHARACTERS,
    count=mastodon_length,
    max_media=4,
    source="reference 4.6; the instance's configuration.statuses overrides",
)

ERRORS: list[ErrorRule] = [
    ErrorRule(REAUTH, SRC, status=401),
    ErrorRule(PERMANENT, SRC, status=422),
    ErrorRule(PERMANENT, SRC, status=403),
    ErrorRule(RETRY, "api/rate-limits.md", status=429),
]


async def instance_origin(typed: str, policy: OutboundPolicy, scheme: str = "https") -> str:
    """`scheme://host[:port]` of the instance an admin typed, refused (`url-refused`) when it
    aims inside (`kit.outbound`). A path, query or fragment is dropped: calls go to the
    instance's own API paths only (`http://host/metrics#` would otherwise end every call)."""
    text = typed.strip()
    if "://" not in text:
        text = f"{scheme}://{text}"
    await outbound.check_url(text, policy)
    url = httpx.URL(text)
    return f"{url.scheme}://{url.netloc.decode('ascii')}"


def instance_rules(config: dict[str, object]) -> Rules:
    """The instance's own limits, read at connect time into the channel's config."""
    limit = int(str(config.get("max_characters") or DEFAULT_MAX_CHARACTERS))
    reserved = int(str(config.get("characters_reserved_per_url") or DEFAULT_URL_RESERVATION))
    return Rules(
        max_length=limit,
        count=lambda text: mastodon_length(text, reserved),
        max_media=4,
        source=RULES.source,
    )


class MastodonAdapter(Adapter):
    platform = "mastodon"
    rules = RULES
    errors = ERRORS
    rate_headers = ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset")
    idempotent_commit = True  # the same Idempotency-Key within 1 h returns the original status

    def _instance(self, request: PublishRequest) -> str:
        return str(request.config.get("instance_url") or self.base_url)

    def parse_error(self, response: httpx.Response) -> tuple[str | None, str | None, str]:
        return None, None, error_words(response, json_object(response).get("error"))

    def retry_at(self, response: httpx.Response) -> datetime | None:
        return epoch_to_datetime(response.headers.get("x-ratelimit-reset"))

    def rate_keys(self, request: PublishRequest) -> list[str]:
        return [f"mastodon:account:{self._instance(request)}:{request.external_id}"]

    def observe_rate(self, request: PublishRequest, response: httpx.Response) -> None:
        super().observe_rate(request, response)
        reset = epoch_to_datetime(response.headers.get("x-ratelimit-reset"))
        if response.headers.get("x-ratelimit-remaining") == "0" and reset is not None:
            request.trace.blocks[self.rate_keys(request)[0]] = reset

    async def commit(self, request: PublishRequest) -> Published:
        response = await self.call(
            request,
            "POST",
            "/api/v1/statuses",
            phase="commit",
            base_url=self._instance(request),
            data={"status": request.text, "visibility": "public"},
            headers={
                "Authorization": f"Bearer {request.credentials.get('access_token', '')}",
                "Idempotency-Key": request.idempotency_key,
            },
        )
        status = response.json()
        return Published(str(status["id"]), status.get("url"))
