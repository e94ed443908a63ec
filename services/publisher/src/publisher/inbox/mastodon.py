"""Mastodon: citizens' mentions of the town's account, read by polling, and the town's replies
(reference/inbox-platforms.md section 6; re-checked in mastodon/documentation,
content/en/methods/notifications.md and statuses.md).

Every call goes to the channel's own instance, a user-supplied URL: through the guarded client
(`kit.outbound`), as the publisher's Mastodon adapter does.

- Read: `GET /api/v1/notifications?types[]=mention&since_id=` (`limit` at most 80; newest first;
  `max_id` pages down to the cursor) with `read:notifications` [MA-NOT]. 300 calls / 5 min per
  account, `X-RateLimit-Reset` a timestamp [MA-RL]: the channel waits in the governor's bucket
  the account's posts spend from too.
- Reply: `POST /api/v1/statuses` `status`, `in_reply_to_id`, `visibility` with an
  `Idempotency-Key`: the instance keeps the key for up to 1 hour and answers a repeat with the
  status it made [MA-ST], so within that hour a lost answer is settled by sending again with the
  same key; after it, by `lookup`: the replied-to status's context, searched among its
  descendants for the town's answer.
- A mention only reaches the people it names: a reply starts with the citizen's `@acct`. A
  `direct` (or followers-only) mention is a private message: one thread per (channel, author),
  answered `direct`; a public one is a comment in the thread of the status it answers.
"""

from __future__ import annotations

import html
import re
import uuid
from datetime import datetime
from typing import Any

import httpx

from publisher.inbox.events import Inbound, Polled, Received, from_seconds_or_iso
from publisher.platforms.base import epoch_to_datetime, error_words, json_object
from publisher.platforms.http import HttpClient

PAGE_SIZE = 80  # `limit`: at most 80 notifications [MA-NOT]
MAX_PAGES = 5
PRIVATE = frozenset({"direct", "private"})
LEADING_MENTIONS = re.compile(r"^(?:@[\w.@-]+\s+)+")
TAG = re.compile(r"<[^>]+>")
BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>", re.IGNORECASE)


def bucket(instance: str, account: str) -> str:
    """The governor's bucket of the account: its limit counts every call [MA-RL], so it is the
    one the publisher's posts spend from (`MastodonAdapter.rate_keys`)."""
    return f"mastodon:account:{instance}:{account}"


def words(response: httpx.Response) -> str:
    """Mastodon's error body `{error}` as words."""
    return error_words(response, json_object(response).get("error"))


def blocked_until(response: httpx.Response) -> datetime | None:
    """When a 429, or a window with nothing left, ends (`X-RateLimit-Reset`)."""
    reset = epoch_to_datetime(response.headers.get("x-ratelimit-reset"))
    spent = response.headers.get("x-ratelimit-remaining") == "0"
    return reset if response.status_code == 429 or spent else None


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _newer(a: str, b: str | None) -> bool:
    """Mastodon ids are numbers written as strings; they grow within an instance."""
    return b is None or (len(a), a) > (len(b), b)


async def poll(
    http: HttpClient,
    instance: str,
    channel_id: uuid.UUID,
    account: str,
    token: str,
    cursor: str | None,
) -> Polled:
    """The mention notifications newer than `cursor` (the first read: the newest page only),
    each an event keyed by the notification's id."""
    params: dict[str, str | list[str]] = {"types[]": ["mention"], "limit": str(PAGE_SIZE)}
    if cursor:
        params["since_id"] = cursor
    received: list[Received] = []
    newest = cursor
    for _ in range(MAX_PAGES):
        response = await http.request(
            "GET",
            f"{instance}/api/v1/notifications",
            params=params,
            headers={"Authorization": f"Bearer {token}"},
        )
        wait = blocked_until(response)
        if not response.is_success:
            return Polled(received, cursor, wait, words(response))
        page = response.json()
        if not isinstance(page, list):
            return Polled(received, cursor, wait, "the notifications are not a list")
        found = [n for n in page if isinstance(n, dict) and n.get("id")]
        for notification in found:
            if notification.get("type") != "mention" or not notification.get("status"):
                continue
            payload = {"account": account, "notification": notification}
            received.append(Received(channel_id, f"notification:{notification['id']}", payload))
        for notification in found:
            if _newer(_str(notification["id"]), newest):
                newest = _str(notification["id"])
        if not cursor or len(page) < PAGE_SIZE:  # the first read, or nothing older left
            return Polled(received, newest, wait)
        if wait is not None:  # more to read, but not before the window ends
            return Polled(received, cursor, wait)
        params["max_id"] = min((_str(n["id"]) for n in found), key=lambda i: (len(i), i))
    return Polled(received, newest)


def text_of(content: str) -> str:
    """A status's HTML `content` as the words a person reads."""
    return html.unescape(TAG.sub("", BREAK.sub("\n", content))).strip()


def read(payload: dict[str, Any]) -> Inbound:
    """What a stored mention says."""
    notification: dict[str, Any] = payload.get("notification") or {}
    status: dict[str, Any] = notification.get("status") or {}
    author: dict[str, Any] = notification.get("account") or status.get("account") or {}
    private = status.get("visibility") in PRIVATE
    parent = _str(status.get("in_reply_to_id")) or None
    return Inbound(
        kind="message" if private else "comment",
        action="add",
        author_id=_str(author.get("id")),
        author_name=_str(author.get("acct")) or None,
        post_ref="" if private else parent or _str(status.get("id")),
        message_id=_str(status.get("id")),
        sent_at=from_seconds_or_iso(status.get("created_at") or notification.get("created_at")),
        text=text_of(_str(status.get("content"))),
        parent_ref=parent,
        from_town=_str(author.get("id")) == _str(payload.get("account")),
    )


def addressed(text: str, acct: str | None) -> str:
    """`text` starting with the citizen's `@acct`, which the reply must name to reach them."""
    if not acct or f"@{acct}" in text:
        return text
    return f"@{acct} {text}"


async def reply(
    http: HttpClient,
    instance: str,
    token: str,
    to: str,
    text: str,
    *,
    private: bool,
    key: str,
) -> httpx.Response:
    """The town's answer to the status `to`, under the reply's own idempotency key."""
    return await http.request(
        "POST",
        f"{instance}/api/v1/statuses",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
        data={
            "status": text,
            "in_reply_to_id": to,
            "visibility": "direct" if private else "public",
        },
    )


def _plain(text: str) -> str:
    return " ".join(LEADING_MENTIONS.sub("", text.strip()).split())


async def lookup(
    http: HttpClient, instance: str, token: str, account: str, to: str, text: str
) -> str | None:
    """The id of the town's status answering `to` with `text` among `to`'s descendants, None
    when there is none; raises `httpx.HTTPError` when the instance could not say."""
    response = await http.request(
        "GET",
        f"{instance}/api/v1/statuses/{to}/context",
        headers={"Authorization": f"Bearer {token}"},
    )
    response.raise_for_status()
    wanted = _plain(text)
    for status in json_object(response).get("descendants") or []:
        if not isinstance(status, dict) or _str(status.get("in_reply_to_id")) != to:
            continue
        if _str((status.get("account") or {}).get("id")) != account:
            continue
        if _plain(text_of(_str(status.get("content")))) == wanted:
            return _str(status.get("id"))
    return None
