"""Facebook Page and Instagram webhooks (object `page` or `instagram`): which events to keep,
their dedup keys, and what each says (inbox.rules; reference/inbox-platforms.md 1, 2, 8)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from publisher.inbox import rules
from publisher.inbox.events import (
    Inbound,
    Received,
    from_millis,
    from_seconds_or_iso,
    listed,
    obj,
)

OBJECTS = {"page": "facebook_page", "instagram": "instagram"}


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _change_key(field: str, value: dict[str, Any]) -> str | None:
    if field == "feed":
        if _str(value.get("item")) not in rules.FEED_ITEMS or not value.get("comment_id"):
            return None
        return f"feed:{value['comment_id']}:{value.get('verb') or 'add'}"
    if field == "comments":
        comment = value.get("id") or value.get("comment_id")  # the docs write both
        return f"comments:{comment}" if comment else None
    if field == "mentions":
        mention = value.get("comment_id") or value.get("media_id")
        return f"mentions:{mention}" if mention else None
    return None


def _messaging_key(item: dict[str, Any]) -> str | None:
    message = obj(item.get("message"), "a messaging item's message")
    if not message.get("mid"):
        return None  # reads, deliveries, reactions: not a message of the thread
    return f"message:{message['mid']}" + (":deleted" if message.get("is_deleted") else "")


def entries(body: dict[str, Any]) -> list[dict[str, Any]]:
    """A body's entries, each checked to be an object and its changes and messaging lists (400
    otherwise), whichever town it belongs to."""
    found = []
    for entry in listed(body.get("entry"), "entry"):
        entry = obj(entry, "an entry")
        for change in listed(entry.get("changes"), "an entry's changes"):
            obj(obj(change, "a change").get("value"), "a change's value")
        for item in listed(entry.get("messaging"), "an entry's messaging"):
            obj(obj(item, "a messaging item").get("message"), "a messaging item's message")
        found.append(entry)
    return found


def split(body: dict[str, Any], channels: Mapping[tuple[str, str], uuid.UUID]) -> list[Received]:
    """The events of a webhook body worth keeping, each with its channel (by the entry's Page or
    Instagram account id among the town's channels) and dedup key; `entry` may hold several
    changes and messages, so every one is looked at."""
    platform = OBJECTS.get(_str(body.get("object")))
    if platform is None:
        return []
    kept: list[Received] = []
    for entry in listed(body.get("entry"), "entry"):
        entry = obj(entry, "an entry")
        channel = channels.get((platform, _str(entry.get("id"))))
        if channel is None:
            continue  # an account this town has not connected
        base = {"platform": platform, "account": _str(entry.get("id")), "time": entry.get("time")}
        for change in listed(entry.get("changes"), "an entry's changes"):
            change = obj(change, "a change")
            value = obj(change.get("value"), "a change's value")
            key = _change_key(_str(change.get("field")), value)
            if key is not None:
                kept.append(
                    Received(channel, key, {**base, "field": change["field"], "value": value})
                )
        for item in listed(entry.get("messaging"), "an entry's messaging"):
            key = _messaging_key(obj(item, "a messaging item"))
            if key is not None:
                kept.append(Received(channel, key, {**base, "messaging": item}))
    return kept


def read(payload: dict[str, Any]) -> Inbound | None:
    """What a stored Meta event says; None for one the inbox does not thread."""
    account = _str(payload.get("account"))
    if "messaging" in payload:
        return _message(payload["messaging"], account)
    value: dict[str, Any] = payload.get("value") or {}
    field = payload.get("field")
    sender = value.get("from") or {}
    author = _str(sender.get("id"))
    if field == "feed":
        verb = value.get("verb") or "add"
        return Inbound(
            kind="comment",
            action={"add": "add", "edited": "edit", "remove": "remove"}.get(verb, "add"),
            author_id=author,
            author_name=sender.get("name"),
            post_ref=_str(value.get("post_id")),
            message_id=_str(value.get("comment_id")),
            sent_at=from_seconds_or_iso(value.get("created_time") or payload.get("time")),
            text=_str(value.get("message")),
            parent_ref=_str(value.get("parent_id")) or None,
            from_town=author == account,
        )
    media = value.get("media") or {}
    comment = _str(value.get("id") or value.get("comment_id"))
    if field == "mentions":
        comment = _str(value.get("comment_id") or value.get("media_id"))
    return Inbound(
        kind="comment",
        action="add",
        author_id=author or f"mention:{comment}",
        author_name=sender.get("username"),
        post_ref=_str(media.get("id") or value.get("media_id")),
        message_id=comment,
        sent_at=from_seconds_or_iso(payload.get("time")),
        text=_str(value.get("text")),
        parent_ref=_str(value.get("parent_id")) or None,
        from_town=author == account,
    )


def _message(item: dict[str, Any], account: str) -> Inbound:
    message = item.get("message") or {}
    echo = bool(message.get("is_echo"))
    # An echo is the Page's own message: the citizen is its recipient.
    citizen = (item.get("recipient") if echo else item.get("sender")) or {}
    return Inbound(
        kind="message",
        action="remove" if message.get("is_deleted") else "add",
        author_id=_str(citizen.get("id")),
        author_name=None,
        post_ref="",
        message_id=_str(message.get("mid")),
        sent_at=from_millis(item.get("timestamp")),
        text=_str(message.get("text")),
        attachments=[
            {"type": _str(a.get("type")), "url": _str((a.get("payload") or {}).get("url"))}
            for a in message.get("attachments") or []
            if isinstance(a, dict)
        ],
        from_town=echo,
    )
