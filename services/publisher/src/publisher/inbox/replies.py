"""Staff replies sent through the platforms, with the dispatcher's never-double-post rule.

A reply is a message row first (`pending`). The worker claims it and records `sending` in a
committed transaction *before* calling the platform; the answer then makes it `sent` (with the
platform's id) or `failed`. A reply whose outcome is unknown (a timeout, a 5xx, or a worker that
died while `sending`) becomes `unconfirmed` and is never sent again by itself: Meta's calls have
no idempotency key (reference/inbox-platforms.md section 8). LINE's push is the exception: it
carries `X-Line-Retry-Key` (the reply's idempotency key), so it is simply tried again, and a 409
means LINE accepted it the first time. A LINE reply token is spent (cleared) in the same
transaction that marks the reply `sending`, so it is never presented twice.

Platform calls (reference 1, 2, 5):
- Facebook comment: `POST /{comment-id}/comments` `message` [M-CM]
- Instagram comment: `POST /{ig-comment-id}/replies` `message` [IG-REPL]
- Messenger: `POST /{page-id}/messages` `recipient.id`, `messaging_type=RESPONSE`, inside the
  24 h window [M-SEND][M-POL]
- Instagram @mention of the town on someone else's media: `POST /{ig-user-id}/mentions` with
  `media_id` and `comment_id` (the mention webhook's) and `message`; `/{ig-comment-id}/replies`
  answers only comments on the town's own media (developers.facebook.com/documentation/
  instagram-platform/instagram-graph-api/reference/ig-user/mentions) [IG-MENT]
- Instagram DM: `POST /{ig-user-id}/messages` `recipient.id` (the IGSID), `message.text`, inside
  the same 24 h window (developers.facebook.com/docs/instagram-platform/instagram-api-with-
  instagram-login/messaging-api, "Send Messages": the app has 24 hours to answer a message;
  with Facebook Login the same body goes to the linked Page's `/messages`) [IG-LOGIN][IG-OV]
- LINE: `POST /v2/bot/message/reply` with the reply token while fresh (free), else
  `POST /v2/bot/message/push` with `X-Line-Retry-Key`, counted against the quota [L-OAS]
- X: `POST /2/tweets` `reply.in_reply_to_tweet_id` [X-MT] (`inbox.x`)
- Mastodon: `POST /api/v1/statuses` `in_reply_to_id` with `Idempotency-Key`, kept by the instance
  for up to an hour [MA-ST] (`inbox.mastodon`): inside that hour a lost answer is sent again
  under the same key, as a LINE push is

Reconciliation (`reconcile_once`), as the dispatcher settles a post whose answer was lost: an
`unconfirmed` reply is looked for on the platform where it can be (X: the town's recent posts
answering the citizen's; Mastodon: the replied-to status's descendants by the town's account;
Facebook and Instagram: the comment's replies by the Page or account).
Found, it is `sent`; absent once the platform had time to show it
(`reconcile_grace_seconds`), it is `failed` with words that say it never went out, for staff to
send again by hand: never sent again by itself. X and Mastodon replies spend from the account's
bucket in the shared rate-limit governor; a 429 waits there until the platform's reset.
- Threads: a reply container (`reply_to_id`), then `threads_publish` (`inbox.threads`). The
  container id is stored, committed, the moment it exists; each later try reads the container
  first, so a reply whose publication had no answer, or whose worker stopped, is settled by what
  the platform says (PUBLISHED: sent; FINISHED: published now), never by a second container.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.publisher import ConversationRepliedV1
from kit.db import Database
from kit.events import outbox
from kit.outbound import UrlRefused
from kit.secrets import Sealer
from publisher.dispatch.governor import Governor
from publisher.errors import PushNeedsConfirmation, ReplyNotPossible
from publisher.inbox import mastodon, threads, x
from publisher.inbox import repository as inbox_repo
from publisher.inbox.models import Conversation, ConversationMessage
from publisher.models import Channel
from publisher.platforms.base import error_words, json_object
from publisher.platforms.http import HttpClient
from publisher.settings import PublisherSettings

log = logging.getLogger(__name__)
UNKNOWN_AFTER = timedelta(minutes=5)  # a `sending` reply older than this lost its worker
BATCH = 50  # replies one run sends
# Mastodon keeps an Idempotency-Key for up to an hour [MA-ST]: a resend is safe well inside it.
MASTODON_KEY_KEPT = timedelta(minutes=50)
PUBLIC_REPLIES = frozenset({"facebook_page", "instagram", "threads", "x", "mastodon"})
# (platform, via) of the replies the platform lets us find again after a lost answer.
LOOKUPS = (
    ("x", "comment"),
    ("mastodon", "comment"),
    ("mastodon", "message"),
    ("facebook_page", "comment"),
    ("instagram", "comment"),
)
NOT_FOUND = "not found on the platform after its answer was lost: it was not sent; send it again"


# --- choosing how a reply goes out (the API) ---------------------------------------------------


async def plan(
    session: AsyncSession, conversation: Conversation, channel: Channel | None, confirm_push: bool
) -> tuple[str, str | None]:
    """How a reply to `conversation` goes out now (`via`) and what it answers (the comment id,
    or the id of the event holding a fresh LINE reply token); a 409 problem when it cannot."""
    if channel is None or channel.status != "active" or channel.credentials is None:
        raise ReplyNotPossible("the channel is not connected; an admin reconnects it first")
    latest = await inbox_repo.latest_inbound(session, conversation.id)
    now = datetime.now(UTC)
    if conversation.platform in PUBLIC_REPLIES and conversation.kind == "comment":
        if latest is None or not latest.platform_message_id:
            raise ReplyNotPossible("the citizen's comments were removed")
        if conversation.platform == "instagram" and await _mentioned(session, latest):
            return "mention", latest.platform_message_id
        return "comment", latest.platform_message_id
    if conversation.platform == "mastodon":  # a private mention: answered privately to it
        if latest is None or not latest.platform_message_id:
            raise ReplyNotPossible("the citizen's messages were removed")
        return "message", latest.platform_message_id
    if conversation.platform in ("facebook_page", "instagram"):
        closes = conversation.window_closes_at
        if closes is None or closes <= now:
            name = "Messenger" if conversation.platform == "facebook_page" else "Instagram"
            raise ReplyNotPossible(
                f"{name}'s 24-hour window has closed: the citizen must write again first"
            )
        return "message", None
    if conversation.platform == "line":
        fresh = (
            latest is not None
            and latest.event_id is not None
            and latest.reply_token_expires_at is not None
            and latest.reply_token_expires_at > now
        )
        if fresh and latest is not None:
            event = await inbox_repo.event(session, latest.event_id)  # type: ignore[arg-type]
            if event is not None and event.reply_token is not None:
                return "reply", str(latest.event_id)
        if not confirm_push:
            raise PushNeedsConfirmation(
                "the reply token has expired or was used: send again with confirm_push to push"
                " the answer, counted against the account's monthly message quota"
            )
        return "push", None
    raise ReplyNotPossible(f"replies on {conversation.platform} are not supported yet")


async def _mentioned(session: AsyncSession, latest: ConversationMessage) -> bool:
    """Whether the citizen's comment came by Instagram's `mentions` webhook field."""
    if latest.event_id is None:
        return False
    event = await inbox_repo.event(session, latest.event_id)
    return event is not None and event.payload.get("field") == "mentions"


# --- sending (the worker) ----------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    state: str  # sent, failed, unconfirmed, pending (try again: same key, or after a 429)
    platform_id: str | None = None
    error: str | None = None
    blocked_until: datetime | None = None  # the platform's rate-limit reset, for the governor


@dataclass(frozen=True)
class Send:
    via: str
    text: str
    token: str
    account: str  # the channel's account: Page, Instagram, X or Mastodon id
    to: str  # the comment id, PSID or LINE user id
    reply_token: str | None
    key: str
    platform: str = ""
    instance: str = ""  # Mastodon: the channel's instance
    acct: str | None = None  # Mastodon: the citizen's `acct`, named at the reply's start
    container: str | None = None  # Threads: the reply container already made
    post: str = ""  # the post a comment thread is on (Instagram mentions name their media)

    @property
    def bucket(self) -> str | None:
        """The governor's bucket the call spends from (X and Mastodon accounts)."""
        if self.platform == "x":
            return x.posts_bucket(self.account)
        if self.platform == "mastodon":
            return mastodon.bucket(self.instance, self.account)
        return None


def _words(response: httpx.Response) -> str:
    """The platform's error text: Graph's `error.message`, LINE's `message`."""
    body = json_object(response)
    error = body.get("error")
    said = error.get("message") if isinstance(error, dict) else error  # Mastodon: a string
    return error_words(response, said or body.get("message") or body.get("detail"))


async def call(
    http: HttpClient,
    settings: PublisherSettings,
    send: Send,
    instances: HttpClient | None = None,
) -> Outcome:
    """One call to the platform for `send` (a Mastodon instance through `instances`, the
    guarded client); its outcome, never an exception."""
    graph, line = settings.facebook_graph_url.rstrip("/"), settings.line_api_url.rstrip("/")
    bearer = {"Authorization": f"Bearer {send.token}"}
    try:
        if send.platform == "x":
            response = await x.reply(http, settings.x_api_url, send.token, send.to, send.text)
            return _limited(send, response, x.blocked_until(response))
        if send.platform == "mastodon":
            if instances is None:
                return Outcome("pending", error="no guarded client to reach the instance")
            response = await mastodon.reply(
                instances,
                send.instance,
                send.token,
                send.to,
                mastodon.addressed(send.text, send.acct),
                private=send.via == "message",
                key=send.key,
            )
            return _limited(send, response, mastodon.blocked_until(response))
        if send.via == "mention":
            form = {"media_id": send.post, "message": send.text, "access_token": send.token}
            if send.to != send.post:  # a comment's mention, not the caption's
                form["comment_id"] = send.to
            response = await http.request("POST", f"{graph}/{send.account}/mentions", data=form)
        elif send.via == "comment":
            edge = "replies" if send.platform == "instagram" else "comments"
            response = await http.request(
                "POST",
                f"{graph}/{send.to}/{edge}",
                data={"message": send.text, "access_token": send.token},
            )
        elif send.via == "message":
            body: dict[str, object] = {"recipient": {"id": send.to}, "message": {"text": send.text}}
            if send.platform == "facebook_page":
                body["messaging_type"] = "RESPONSE"
            response = await http.request(
                "POST",
                f"{graph}/{send.account}/messages",
                params={"access_token": send.token},
                json=body,
            )
        elif send.via == "reply":
            response = await http.request(
                "POST",
                f"{line}/v2/bot/message/reply",
                headers=bearer,
                json={
                    "replyToken": send.reply_token,
                    "messages": [{"type": "text", "text": send.text}],
                },
            )
        else:
            response = await http.request(
                "POST",
                f"{line}/v2/bot/message/push",
                headers={**bearer, "X-Line-Retry-Key": send.key},
                json={"to": send.to, "messages": [{"type": "text", "text": send.text}]},
            )
    except UrlRefused as exc:  # the instance's address aims inside (`kit.outbound`)
        return Outcome("failed", error=exc.detail)
    except httpx.HTTPError as exc:
        return _unknown(send, type(exc).__name__)
    return _outcome(send, response)


def _limited(send: Send, response: httpx.Response, wait: datetime | None) -> Outcome:
    """X's and Mastodon's answers: a 429 was not carried out, so the reply waits for the reset
    and goes then; a window with nothing left blocks the account's bucket for the next calls."""
    if response.status_code == 429:
        return Outcome("pending", error="rate limited: sent after the reset", blocked_until=wait)
    return dataclasses.replace(_outcome(send, response), blocked_until=wait)


def _unknown(send: Send, why: str) -> Outcome:
    if send.via == "push" or send.platform == "mastodon":  # the key makes a second try safe
        return Outcome("pending", error=f"no answer ({why}); trying again with the same key")
    return Outcome("unconfirmed", error=f"no answer ({why}): it may have reached the platform")


def _outcome(send: Send, response: httpx.Response) -> Outcome:
    if send.via == "push" and response.status_code == 409:
        accepted = response.headers.get("x-line-accepted-request-id")
        return Outcome("sent", platform_id=accepted)  # accepted the first time
    if response.status_code >= 500:
        return _unknown(send, f"HTTP {response.status_code}")
    if not response.is_success:
        words = _words(response)
        if send.via == "reply" and "reply token" in words.lower():
            words = "the reply token expired before the answer went out: send it again as a push"
        return Outcome("failed", error=words)
    if send.via in ("reply", "push"):
        return Outcome("sent", platform_id=response.headers.get("x-line-request-id"))
    body = json_object(response)
    made = body.get("data") if send.platform == "x" else body  # X: `{data: {id, text}}`
    found = made.get("id") or made.get("message_id") if isinstance(made, dict) else None
    return Outcome("sent", platform_id=str(found) if found else None)


async def _claim(
    db: Database,
    vault: Sealer,
    governor: Governor,
    message_id: uuid.UUID,
    tenant_id: uuid.UUID,
    *,
    guarded: bool,
) -> Send | None:
    """Mark the reply `sending` (committed before any call) and gather what the call needs;
    None when it is not to be sent now (settled, or its account's bucket is blocked)."""
    async with db.transaction(tenant_id) as session:
        reply = await inbox_repo.claim_reply(session, message_id)
        if reply is None:
            return None
        conversation = await inbox_repo.get(session, reply.conversation_id)
        channel = await session.get(Channel, conversation.channel_id) if conversation else None
        now = datetime.now(UTC)
        first_sent = reply.sending_started_at
        key_forgotten = first_sent is not None and first_sent < now - MASTODON_KEY_KEPT
        # A reply left `sending` by a worker that died mid-call: its outcome is unknown, except
        # on Threads, where nothing is published without a stored container, which is read
        # before anything else is done.
        settled_by_platform = channel is not None and channel.platform == "threads"
        if reply.state == "sending" and not settled_by_platform:
            platform = channel.platform if channel is not None else ""
            if platform == "mastodon" and key_forgotten:
                platform = ""  # the key is past its hour: a resend could post twice
            lost = Send(reply.via or "", "", "", "", "", None, "", platform=platform)
            _record(reply, _unknown(lost, "the worker stopped while sending"))
            return None
        if conversation is None or channel is None or channel.credentials is None:
            _record(reply, Outcome("failed", error="the channel is gone"))
            return None
        if channel.platform == "mastodon":
            if not guarded:
                return None  # left for a worker that reaches instances through the guard
            if key_forgotten:  # the instance may have forgotten it: a resend could post twice
                _record(reply, Outcome("unconfirmed", error="no answer within the key's hour"))
                return None
        send = _prepared(vault, reply, conversation, channel)
        if send.bucket is not None:
            await governor.preload(session, [send.bucket])
            if governor.held_until([send.bucket]) is not None:
                return None  # rate limited: stays pending until the reset
        reply_token = None
        if reply.via == "reply" and reply.event_id is not None:
            event = await inbox_repo.event(session, reply.event_id, lock=True)
            if event is None or event.reply_token is None:
                _record(reply, Outcome("failed", error="the reply token was already used"))
                return None
            reply_token = str(vault.open(event.reply_token)["token"])
            event.reply_token = None  # spent now, whatever happens next
        reply.state = "sending"
        # Mastodon's key lives an hour from its first use: a resend keeps the first time.
        keep = channel.platform == "mastodon" and first_sent is not None
        reply.sending_started_at = first_sent if keep else now
        return dataclasses.replace(send, reply_token=reply_token)


def _prepared(
    vault: Sealer, reply: ConversationMessage, conversation: Conversation, channel: Channel
) -> Send:
    """What a call about `reply` needs: its words, the channel's token and account, its target."""
    secrets = vault.open(channel.credentials) if channel.credentials else {}
    return Send(
        via=reply.via or "",
        text=reply.text,
        token=str(secrets.get("access_token") or ""),
        account=channel.external_id or "",
        to=reply.parent_ref or conversation.author_id,
        reply_token=None,
        key=str(reply.idempotency_key),
        platform=channel.platform,
        instance=str((channel.config or {}).get("instance_url") or ""),
        acct=conversation.author_name if channel.platform == "mastodon" else None,
        container=reply.container_id,
        post=conversation.post_ref,
    )


def _record(reply: ConversationMessage, outcome: Outcome) -> None:
    reply.state = outcome.state
    reply.error = outcome.error
    if outcome.platform_id:
        reply.platform_message_id = outcome.platform_id
    if outcome.state == "sent":
        reply.sent_at = datetime.now(UTC)


async def _finish(
    db: Database,
    message_id: uuid.UUID,
    tenant_id: uuid.UUID,
    outcome: Outcome,
    expect: str = "sending",
) -> None:
    async with db.transaction(tenant_id) as session:
        reply = await session.get(ConversationMessage, message_id, with_for_update=True)
        if reply is None or reply.state != expect:
            return
        _record(reply, outcome)
        if outcome.state == "sent":
            conversation = await inbox_repo.get(session, reply.conversation_id, lock=True)
            if conversation is None:
                return
            if conversation.status == "open":
                conversation.status = "waiting"  # answered: the citizen's turn
            replied = ConversationRepliedV1(
                conversation_id=conversation.id,
                channel_id=conversation.channel_id,
                platform=conversation.platform,
                kind=conversation.kind,
                at=reply.sent_at,
                message_id=reply.id,
                via=reply.via or "",
                by=reply.author_id,
            )
            await outbox.add(session, replied)


async def _keep_container(
    db: Database, message_id: uuid.UUID, tenant_id: uuid.UUID, container: str
) -> None:
    async with db.transaction(tenant_id) as session:
        reply = await session.get(ConversationMessage, message_id, with_for_update=True)
        if reply is not None:
            reply.container_id = container


async def _threads(
    db: Database,
    http: HttpClient,
    settings: PublisherSettings,
    ids: tuple[uuid.UUID, uuid.UUID],
    send: Send,
) -> Outcome:
    """A Threads reply: its container (made once, kept at once), read, then published."""
    base, container = settings.threads_graph_url, send.container
    if container is None:
        made = await threads.make_container(
            http, base, send.account, send.token, send.text, send.to
        )
        if not made.known:  # an unused container publishes nothing: make one again later
            return Outcome("pending", error=f"{made.error}; the container is made again")
        if made.value is None:
            return Outcome("failed", error=made.error)
        container = made.value
        await _keep_container(db, *ids, container)
    read = await threads.status(http, base, container, send.token)
    if read.value == threads.PUBLISHED:
        return Outcome("sent")  # published by a try whose answer was lost
    if not read.known or read.value == threads.IN_PROGRESS:
        return Outcome("pending", error=read.error or "the reply container is being prepared")
    if read.value != threads.FINISHED:
        return Outcome("failed", error=read.error or f"the reply container is {read.value}")
    published = await threads.publish(http, base, send.account, send.token, container)
    if not published.known:  # the next try reads the container before anything else
        return Outcome("pending", error=f"{published.error}; the container is read again first")
    if published.value is None:
        return Outcome("failed", error=published.error)
    return Outcome("sent", platform_id=published.value)


async def _unprepared(
    db: Database, message_id: uuid.UUID, tenant_id: uuid.UUID, error: str
) -> None:
    """Fail a reply whose preparing raised: nothing reached the platform, since its `sending`
    mark rolled back with the error (one left `sending` stays for the unknown-outcome rule)."""
    async with db.transaction(tenant_id) as session:
        reply = await inbox_repo.claim_reply(session, message_id)
        if reply is not None and reply.state == "pending":
            _record(reply, Outcome("failed", error=f"could not be prepared ({error})"))


async def next_due(db: Database) -> datetime | None:
    """When the earliest reply not sent yet comes due (the reply job's `due`)."""
    async with db.transaction() as session:
        return await inbox_repo.replies_next_due(session, UNKNOWN_AFTER)


async def send_once(
    db: Database,
    vault: Sealer,
    settings: PublisherSettings,
    http: HttpClient,
    batch: int = BATCH,
    *,
    instances: HttpClient | None = None,
) -> int:
    """Send every pending reply of every town once (the job's body); how many were tried.
    Mastodon replies go through `instances` (the guarded client) and wait for a worker with
    one."""
    governor = Governor(db, settings.governor_slowdown_percent)
    stale = datetime.now(UTC) - UNKNOWN_AFTER
    async with db.transaction() as session:
        due = await inbox_repo.replies_due(session, stale, batch)
    tried = 0
    for message_id, tenant_id in due:
        try:
            claimed = await _claim(
                db, vault, governor, message_id, tenant_id, guarded=instances is not None
            )
        except Exception as exc:  # one reply that cannot be prepared must not stop the others
            log.warning(
                "inbox reply not prepared",
                extra={"reply": str(message_id), "error": type(exc).__name__},
            )
            await _unprepared(db, message_id, tenant_id, type(exc).__name__)
            continue
        if claimed is None:
            continue
        if claimed.platform == "threads":
            outcome = await _threads(db, http, settings, (message_id, tenant_id), claimed)
        else:
            outcome = await call(http, settings, claimed, instances)
        if outcome.blocked_until is not None and claimed.bucket is not None:
            await governor.block({claimed.bucket: outcome.blocked_until})
        await _finish(db, message_id, tenant_id, outcome)
        tried += 1
    return tried


# --- reconciliation (the worker) ---------------------------------------------------------------


async def reconcile_once(
    db: Database,
    vault: Sealer,
    settings: PublisherSettings,
    http: HttpClient,
    instances: HttpClient,
    batch: int = 50,
) -> int:
    """Look for every `unconfirmed` reply the platform lets us find (the job's body): found, it
    is `sent`; absent after the grace time, `failed` for staff to send again. How many were
    settled."""
    async with db.transaction() as session:
        due = await inbox_repo.unconfirmed_replies(session, LOOKUPS, batch)
    settled = 0
    for message_id, tenant_id in due:
        try:
            settled += await _reconcile(db, vault, settings, http, instances, message_id, tenant_id)
        except Exception as exc:  # one reply that cannot be looked for must not stop the others
            log.warning(
                "inbox reply not reconciled",
                extra={"reply": str(message_id), "error": type(exc).__name__},
            )
    return settled


async def _reconcile(
    db: Database,
    vault: Sealer,
    settings: PublisherSettings,
    http: HttpClient,
    instances: HttpClient,
    message_id: uuid.UUID,
    tenant_id: uuid.UUID,
) -> int:
    async with db.transaction(tenant_id) as session:
        reply = await session.get(ConversationMessage, message_id)
        if reply is None or reply.state != "unconfirmed":
            return 0
        conversation = await inbox_repo.get(session, reply.conversation_id)
        channel = await session.get(Channel, conversation.channel_id) if conversation else None
        if conversation is None or channel is None or channel.credentials is None:
            return 0
        send = _prepared(vault, reply, conversation, channel)
        started = reply.sending_started_at or reply.created_at
    try:
        found = await _lookup(settings, http, instances, send)
    except (httpx.HTTPError, UrlRefused):
        return 0  # the platform could not say: ask again on the next run
    if found is None:
        grace = timedelta(seconds=settings.reconcile_grace_seconds)
        if datetime.now(UTC) - started < grace:
            return 0  # a new reply can take a moment to show: ask again later
        outcome = Outcome("failed", error=NOT_FOUND)
    else:
        outcome = Outcome("sent", platform_id=found)
    await _finish(db, message_id, tenant_id, outcome, expect="unconfirmed")
    return 1


async def _lookup(
    settings: PublisherSettings, http: HttpClient, instances: HttpClient, send: Send
) -> str | None:
    """The platform's id of the reply `send` made, None when the platform has none."""
    if send.platform == "x":
        return await x.lookup(
            http, settings.x_api_url, send.token, send.account, send.to, send.text
        )
    if send.platform in ("facebook_page", "instagram"):
        return await _graph_lookup(http, settings, send)
    return await mastodon.lookup(
        instances, send.instance, send.token, send.account, send.to, send.text
    )


async def _graph_lookup(http: HttpClient, settings: PublisherSettings, send: Send) -> str | None:
    """The id of the account's answer with the reply's words under the comment: a Page's among
    `GET /{comment-id}/comments` [M-CM], an Instagram account's among
    `GET /{ig-comment-id}/replies` (`from`, `text`) [IG-REPL]."""
    instagram = send.platform == "instagram"
    response = await http.request(
        "GET",
        f"{settings.facebook_graph_url.rstrip('/')}/{send.to}/"
        + ("replies" if instagram else "comments"),
        params={
            "fields": "id,from,text" if instagram else "id,from,message",
            "limit": "100",
            "access_token": send.token,
        },
    )
    response.raise_for_status()
    wanted = " ".join(send.text.split())
    for comment in json_object(response).get("data") or []:
        if not isinstance(comment, dict):
            continue
        author = comment.get("from")
        said = str(comment.get("text" if instagram else "message") or "")
        by = str(author.get("id")) if isinstance(author, dict) else ""
        if by == send.account and " ".join(said.split()) == wanted:
            return str(comment.get("id"))
    return None
