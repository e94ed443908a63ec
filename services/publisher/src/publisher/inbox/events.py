"""The shapes both platforms' webhooks are read into: a stored event, and what it says."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from publisher.errors import BadWebhookBody


@dataclass(frozen=True)
class Received:
    """One platform event of a signed webhook body, ready to store."""

    channel_id: uuid.UUID
    dedup_key: str
    payload: dict[str, Any]
    reply_token: str | None = None


@dataclass(frozen=True)
class Polled:
    """What one read of a polled channel (X, Mastodon) brought: its new events, the cursor to
    read from next, and, when the platform said to wait, until when."""

    received: list[Received]
    cursor: str | None
    blocked_until: datetime | None = None
    error: str | None = None


@dataclass(frozen=True)
class Inbound:
    """What a stored event says, the same for every platform."""

    kind: str  # comment, message, follow
    action: str  # add, edit, remove
    author_id: str
    author_name: str | None
    post_ref: str  # the post a comment is on; '' for messages
    message_id: str | None
    sent_at: datetime
    text: str = ""
    parent_ref: str | None = None
    attachments: list[dict[str, Any]] = field(default_factory=list)
    from_town: bool = False  # the town's own comment or an echo of its message


def listed(value: Any, what: str) -> list[Any]:
    """`value` as the list the platform documents (absent: empty); 400 when it is not one."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadWebhookBody(f"{what} is not a list")
    return value


def obj(value: Any, what: str) -> dict[str, Any]:
    """`value` as the object the platform documents (absent: empty); 400 when it is not one."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadWebhookBody(f"{what} is not an object")
    return value


def from_millis(value: Any) -> datetime:
    try:
        return datetime.fromtimestamp(int(value) / 1000, UTC)
    except (TypeError, ValueError, OverflowError):
        return datetime.now(UTC)


def from_seconds_or_iso(value: Any) -> datetime:
    """Meta writes times as Unix seconds (`created_time`, a Page entry's `time`), milliseconds
    (a Messenger entry's `time`) or ISO 8601; anything else is read as now."""
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value / 1000 if value > 10**11 else value, UTC)
    try:
        parsed = datetime.fromisoformat(
            str(value).replace("Z", "+00:00").replace("+0000", "+00:00")
        )
    except ValueError:
        return datetime.now(UTC)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
