"""A Mastodon channel's own instance: its origin, checked as a user-supplied URL, and its limits."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import httpx

from kit import outbound
from kit.outbound import OutboundPolicy
from publisher.platforms.base import Rules
from publisher.platforms.mastodon.rules import (
    DEFAULT_MAX_CHARACTERS,
    DEFAULT_MAX_MEDIA,
    DEFAULT_URL_RESERVATION,
    RULES,
    mastodon_length,
)


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


def instance_rules(config: Mapping[str, object]) -> Rules:
    """The instance's own limits, read at connect time into the channel's config."""
    limit = int(str(config.get("max_characters") or DEFAULT_MAX_CHARACTERS))
    reserved = int(str(config.get("characters_reserved_per_url") or DEFAULT_URL_RESERVATION))
    return dataclasses.replace(
        RULES,
        max_length=limit,
        count=lambda text: mastodon_length(text, reserved),
        max_media=int(str(config.get("max_media_attachments") or DEFAULT_MAX_MEDIA)),
    )
