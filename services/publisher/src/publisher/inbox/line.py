"""LINE Messaging API webhooks: which events to keep, their dedup keys, what each says
(inbox.rules; reference/inbox-platforms.md 5, 8)."""

from __future__ import annotations

import uuid
from typing import Any

from publisher.inbox import rules
from publisher.inbox.events import Inbound, Received, from_millis, listed, obj


def _key(event: dict[str, Any]) -> str | None:
    if event.get("webhookEventId"):
        return str(event["webhookEventId"])
    message = obj(event.get("message"), "an event's message")
    return f"message:{message['id']}" if message.get("id") else None


def split(body: dict[str, Any], channel: uuid.UUID) -> list[Received]:
    """The events of a webhook body worth keeping: a user's messages, follows and unsends in
    the active mode; the reply token goes beside the event, to be sealed."""
    kept: list[Received] = []
    for event in listed(body.get("events"), "events"):
        event = obj(event, "an event")
        if str(event.get("type")) not in rules.LINE_EVENTS:
            continue
        if event.get("mode", "active") != "active":
            continue
        if obj(event.get("source"), "an event's source").get("type") != "user":
            continue  # groups and rooms: not a citizen's own thread
        key = _key(event)
        if key is None:
            continue
        stored = {k: v for k, v in event.items() if k != "replyToken"}
        kept.append(Received(channel, key, stored, event.get("replyToken")))
    return kept


def read(event: dict[str, Any]) -> Inbound | None:
    """What a stored LINE event says."""
    user = str((event.get("source") or {}).get("userId") or "")
    at = from_millis(event.get("timestamp"))
    if event.get("type") == "follow":
        return Inbound("follow", "add", user, None, "", None, at)
    if event.get("type") == "unsend":
        message_id = str((event.get("unsend") or {}).get("messageId") or "")
        return Inbound("message", "remove", user, None, "", message_id, at)
    message = event.get("message") or {}
    kind = str(message.get("type") or "")
    attachments = [] if kind == "text" else [{"type": kind, "id": str(message.get("id") or "")}]
    return Inbound(
        kind="message",
        action="add",
        author_id=user,
        author_name=None,
        post_ref="",
        message_id=str(message.get("id") or ""),
        sent_at=at,
        text=str(message.get("text") or ""),
        attachments=attachments,
    )
