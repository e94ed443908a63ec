"""Threads replies to the town's posts: the webhook that brings them, and the reply container
that answers them.

Intake (developers.facebook.com/docs/threads/webhooks, "Webhooks for Threads", updated
30 Jun 2026; reference/inbox-platforms.md 3 [TH-WH]): the Threads use case's webhooks sub-use
case, topic `moderate`, field `replies` = replies on media owned by the app user, delivered as
`{app_id, topic, target_id, time, subscription_id, has_uid_field, values: {field, value: {id,
username, text, media_type, permalink, replied_to{id}, root_post{id, owner_id, username},
shortcode, timestamp}}}`. The user must grant `threads_basic` and `threads_read_replies`, the app
needs Advanced Access, and private accounts' replies are not sent. The page states neither the
signature header nor the retry policy (U): Meta's `X-Hub-Signature-256` scheme is checked, with
the Threads app secret (PUBLISHER_THREADS_APP_SECRET), and every delivery is deduplicated by the
reply's id. A reply names no numeric id of its author, only `username`, which therefore keys the
citizen's thread; `target_id`, else `root_post.owner_id`, is the town's Threads user id (the
channel's `external_id`). Webhooks exist, so Machi does not poll `GET /{media-id}/replies`.

Answer [TH-CR] (developers.facebook.com/documentation/threads/retrieve-and-manage-replies/
create-replies): `POST /{user-id}/threads` with `media_type=TEXT`, `text` and `reply_to_id` makes
a container, then `POST /{user-id}/threads_publish` `creation_id` publishes it (`threads_manage_
replies`; 1,000 replies per 24 h [TH-RM]). The container id is stored the moment it exists; only
its publication is irreversible, so a reply whose worker stopped is settled by reading the
container (`GET /{container}?fields=status`): PUBLISHED is sent, FINISHED is published now,
never a second container published for one reply.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from publisher.inbox.events import Inbound, Received, from_seconds_or_iso, listed, obj
from publisher.platforms.base import error_words, json_object
from publisher.platforms.http import HttpClient

FIELDS = frozenset({"replies"})


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _values(body: dict[str, Any]) -> list[dict[str, Any]]:
    """`values` as the page shows it (one object), or a list of them."""
    values = body.get("values")
    if isinstance(values, list):
        return [obj(v, "a value") for v in listed(values, "values")]
    return [obj(values, "values")] if values is not None else []


def account_of(body: dict[str, Any]) -> str:
    """The town's Threads user id a delivery is for: `target_id`, else the root post's owner."""
    if body.get("target_id") is not None:
        return _str(body.get("target_id"))
    for value in _values(body):
        root = obj(obj(value.get("value"), "a value's value").get("root_post"), "root_post")
        if root.get("owner_id") is not None:
            return _str(root.get("owner_id"))
    return ""


def split(body: dict[str, Any], channels: Mapping[str, Any]) -> list[Received]:
    """The replies of a delivery worth keeping, with the channel of the town's account."""
    channel = channels.get(account_of(body))
    kept: list[Received] = []
    for value in _values(body):
        reply = obj(value.get("value"), "a value's value")
        obj(reply.get("root_post"), "root_post")
        obj(reply.get("replied_to"), "replied_to")
        if channel is None or _str(value.get("field")) not in FIELDS or not reply.get("id"):
            continue
        payload = {"account": account_of(body), "field": value["field"], "value": reply}
        kept.append(Received(channel, f"threads:{value['field']}:{reply['id']}", payload))
    return kept


def read(payload: dict[str, Any]) -> Inbound | None:
    """What a stored Threads reply says: a comment on the town's root post."""
    reply: dict[str, Any] = payload.get("value") or {}
    root = reply.get("root_post") or {}
    author = _str(reply.get("username"))
    return Inbound(
        kind="comment",
        action="add",
        author_id=author,
        author_name=author or None,
        post_ref=_str(root.get("id")),
        message_id=_str(reply.get("id")),
        sent_at=from_seconds_or_iso(reply.get("timestamp") or payload.get("time")),
        text=_str(reply.get("text")),
        parent_ref=_str((reply.get("replied_to") or {}).get("id")) or None,
    )


# --- answering -----------------------------------------------------------------------------------

PUBLISHED, FINISHED, IN_PROGRESS, EXPIRED = "PUBLISHED", "FINISHED", "IN_PROGRESS", "EXPIRED"


class Answer:
    """One Threads call's result: `value` (a container or post id, or a status), `known`
    False when no answer came, `error` the platform's words on a refusal."""

    def __init__(self, value: str | None = None, *, known: bool = True, error: str = "") -> None:
        self.value, self.known, self.error = value, known, error


async def _call(
    http: HttpClient, method: str, url: str, token: str, form: dict[str, str] | None = None
) -> Answer:
    try:
        if method == "GET":
            response = await http.request(
                "GET", url, params={"fields": "id,status,error_message", "access_token": token}
            )
        else:
            response = await http.request("POST", url, data={**(form or {}), "access_token": token})
    except httpx.HTTPError as exc:
        return Answer(known=False, error=f"no answer ({type(exc).__name__})")
    if response.status_code >= 500:
        return Answer(known=False, error=f"no answer (HTTP {response.status_code})")
    body = json_object(response)
    if not response.is_success:
        error = body.get("error")
        said = error.get("message") if isinstance(error, dict) else None
        return Answer(error=error_words(response, said))
    return Answer(_str(body.get("status") if method == "GET" else body.get("id")) or None)


async def make_container(
    http: HttpClient, base: str, user: str, token: str, text: str, reply_to: str
) -> Answer:
    form = {"media_type": "TEXT", "text": text, "reply_to_id": reply_to}
    return await _call(http, "POST", f"{base.rstrip('/')}/{user}/threads", token, form)


async def status(http: HttpClient, base: str, container: str, token: str) -> Answer:
    return await _call(http, "GET", f"{base.rstrip('/')}/{container}", token)


async def publish(http: HttpClient, base: str, user: str, token: str, container: str) -> Answer:
    url = f"{base.rstrip('/')}/{user}/threads_publish"
    return await _call(http, "POST", url, token, {"creation_id": container})
