"""X: citizens' mentions of the town's account, read by polling, and the town's replies
(reference/inbox-platforms.md section 4; re-checked in xdevplatform/docs, the source of
docs.x.com).

- Read: `GET /2/users/:id/mentions` with `since_id` (the newest id of the last read, kept per
  channel), `max_results` 5..100, `expansions=author_id`; newest first, paged by `next_token`;
  only the 800 most recent mentions are reachable [X-MEN] (x-api/posts/timelines/introduction).
  Limit 300 reads / 15 min per user [X-RL]; a 429 carries `x-rate-limit-reset` (Unix seconds)
  and no Retry-After: the channel waits in the shared governor until then, never asks before.
- Reply: `POST /2/tweets` `{text, reply: {in_reply_to_tweet_id}}`; self-serve apps may reply only
  to a post whose author summoned the account, which a mention does [X-MT]
  (x-api/posts/manage-tweets/introduction). X has no idempotency key: a lost answer is settled by
  `lookup`, the town's recent posts (`GET /2/users/:id/tweets`, replies included) searched for
  this reply to that post.
- Threads: one conversation per (channel, `conversation_id` (the thread's first post), author).
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Any

import httpx

from publisher.inbox.events import Inbound, Polled, Received, from_seconds_or_iso
from publisher.platforms.base import epoch_to_datetime, error_words, fingerprint, json_object
from publisher.platforms.http import HttpClient

PAGE_SIZE = 100  # max_results: 5..100 [X-MEN]
MAX_PAGES = 8  # 8 pages of 100: the 800 mentions X keeps reachable
TWEET_FIELDS = "author_id,conversation_id,created_at,referenced_tweets"
LEADING_MENTIONS = re.compile(r"^(?:@\w+\s+)+")


def mentions_bucket(account: str) -> str:
    """The governor's bucket of an account's mentions reads (their own limit, not posting's)."""
    return f"x:mentions:{account}"


def posts_bucket(account: str) -> str:
    """The bucket an account's posts spend from: the dispatcher's (`XAdapter.rate_keys`)."""
    return f"x:account:{account}"


def words(response: httpx.Response) -> str:
    """X's problem JSON `{title, detail, type}` as words."""
    body = json_object(response)
    return error_words(response, body.get("detail") or body.get("title"))


def blocked_until(response: httpx.Response) -> datetime | None:
    """When a 429, or a window with nothing left, ends (`x-rate-limit-reset`)."""
    reset = epoch_to_datetime(response.headers.get("x-rate-limit-reset"))
    spent = response.headers.get("x-rate-limit-remaining") == "0"
    return reset if response.status_code == 429 or spent else None


async def poll(
    http: HttpClient,
    base_url: str,
    channel_id: uuid.UUID,
    account: str,
    token: str,
    cursor: str | None,
) -> Polled:
    """The mentions newer than `cursor` (the first read: the newest page only), each an event
    keyed by its post id; the cursor moves only when every page was read."""
    params = {
        "max_results": str(PAGE_SIZE),
        "expansions": "author_id",
        "tweet.fields": TWEET_FIELDS,
        "user.fields": "name,username",
    }
    if cursor:
        params["since_id"] = cursor
    url = f"{base_url.rstrip('/')}/2/users/{account}/mentions"
    received: list[Received] = []
    newest: str | None = None
    for _ in range(MAX_PAGES):
        response = await http.request(
            "GET", url, params=params, headers={"Authorization": f"Bearer {token}"}
        )
        wait = blocked_until(response)
        if not response.is_success:
            return Polled(received, cursor, wait, words(response))
        body = json_object(response)
        meta = _object(body.get("meta"))
        newest = newest or _str(meta.get("newest_id")) or None
        received += _events(body, channel_id, account)
        next_token = _str(meta.get("next_token"))
        if not cursor or not next_token:  # the first read, or nothing older left to read
            return Polled(received, newest or cursor, wait)
        if wait is not None:  # more to read, but not before the window ends
            return Polled(received, cursor, wait)
        params["pagination_token"] = next_token
    # Past 800 mentions X keeps nothing older: what was read is all there is to have.
    return Polled(received, newest or cursor)


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _events(body: dict[str, Any], channel_id: uuid.UUID, account: str) -> list[Received]:
    includes = _object(body.get("includes"))
    users = {_str(u.get("id")): u for u in (includes.get("users") or []) if isinstance(u, dict)}
    kept = []
    for tweet in body.get("data") or []:
        if not isinstance(tweet, dict) or not tweet.get("id"):
            continue
        author = users.get(_str(tweet.get("author_id")), {})
        payload = {"account": account, "tweet": tweet, "author": author}
        kept.append(Received(channel_id, f"tweet:{tweet['id']}", payload))
    return kept


def read(payload: dict[str, Any]) -> Inbound:
    """What a stored mention says: a comment in the thread of its `conversation_id`."""
    tweet: dict[str, Any] = payload.get("tweet") or {}
    author: dict[str, Any] = payload.get("author") or {}
    author_id = _str(tweet.get("author_id"))
    replied_to = next(
        (
            _str(r.get("id"))
            for r in tweet.get("referenced_tweets") or []
            if isinstance(r, dict) and r.get("type") == "replied_to"
        ),
        None,
    )
    return Inbound(
        kind="comment",
        action="add",
        author_id=author_id,
        author_name=author.get("username") or author.get("name"),
        post_ref=_str(tweet.get("conversation_id") or tweet.get("id")),
        message_id=_str(tweet.get("id")),
        sent_at=from_seconds_or_iso(tweet.get("created_at")),
        text=_str(tweet.get("text")),
        parent_ref=replied_to,
        from_town=author_id == _str(payload.get("account")),
    )


async def reply(http: HttpClient, base_url: str, token: str, to: str, text: str) -> httpx.Response:
    """The town's answer under the citizen's post `to`."""
    return await http.request(
        "POST",
        f"{base_url.rstrip('/')}/2/tweets",
        headers={"Authorization": f"Bearer {token}"},
        json={"text": text, "reply": {"in_reply_to_tweet_id": to}},
    )


def _plain(text: str) -> str:
    """A reply's words as X may show them: without the @names X puts in front."""
    return LEADING_MENTIONS.sub("", text.strip())


async def lookup(
    http: HttpClient, base_url: str, token: str, account: str, to: str, text: str
) -> str | None:
    """The id of the town's recent post answering `to` with `text`, None when there is none;
    raises `httpx.HTTPError` (a transport error, or an error status) when X could not say."""
    response = await http.request(
        "GET",
        f"{base_url.rstrip('/')}/2/users/{account}/tweets",
        headers={"Authorization": f"Bearer {token}"},
        params={"max_results": "100", "tweet.fields": "referenced_tweets,entities"},
    )
    response.raise_for_status()
    wanted = fingerprint(_plain(text))
    for tweet in json_object(response).get("data") or []:
        if not isinstance(tweet, dict):
            continue
        refs = tweet.get("referenced_tweets") or []
        if not any(r.get("type") == "replied_to" and _str(r.get("id")) == to for r in refs):
            continue
        said = _str(tweet.get("text"))
        for url in (tweet.get("entities") or {}).get("urls") or []:
            said = said.replace(_str(url.get("url")), _str(url.get("expanded_url")))
        if fingerprint(_plain(said)) == wanted:
            return _str(tweet.get("id"))
    return None
