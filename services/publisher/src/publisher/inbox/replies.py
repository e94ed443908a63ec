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
- LINE: `POST /v2/bot/message/reply` with the reply token while fresh (free), else
  `POST /v2/bot/message/push` with `X-Line-Retry-Key`, counted against the quota [L-OAS]
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.publisher import ConversationRepliedV1
from kit.db import Database
from kit.events import outbox
from kit.secrets import Sealer
from publisher.errors import PushNeedsConfirmation, ReplyNotPossible
from publisher.inbox import repository as inbox_repo
from publisher.inbox.models import Conversation, ConversationMessage
from publisher.models import Channel
from publisher.platforms.base import error_words, json_object
from publisher.platforms.http import HttpClient
from publisher.settings import PublisherSettings

log = logging.getLogger(__name__)
UNKNOWN_AFTER = timedelta(minutes=5)  # a `sending` reply older than this lost its worker


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
    if conversation.platform in ("facebook_page", "instagram") and conversation.kind == "comment":
        if latest is None or not latest.platform_message_id:
            raise ReplyNotPossible("the citizen's comments were removed")
        return "comment", latest.platform_message_id
    if conversation.platform == "facebook_page":
        closes = conversation.window_closes_at
        if closes is None or closes <= now:
            raise ReplyNotPossible(
                "Messenger's 24-hour window has closed: the citizen must write again first"
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


# --- sending (the worker) ----------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    state: str  # sent, failed, unconfirmed, pending (LINE push: try again with the same key)
    platform_id: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class Send:
    via: str
    text: str
    token: str
    account: str  # the Page id (Messenger)
    to: str  # the comment id, PSID or LINE user id
    reply_token: str | None
    key: str


def _words(response: httpx.Response) -> str:
    """The platform's error text: Graph's `error.message`, LINE's `message`."""
    body = json_object(response)
    error = body.get("error")
    said = error.get("message") if isinstance(error, dict) else None
    return error_words(response, said or body.get("message"))


async def call(http: HttpClient, settings: PublisherSettings, send: Send) -> Outcome:
    """One call to the platform for `send`; its outcome, never an exception."""
    graph, line = settings.facebook_graph_url.rstrip("/"), settings.line_api_url.rstrip("/")
    bearer = {"Authorization": f"Bearer {send.token}"}
    try:
        if send.via == "comment":
            edge = "replies" if send.account == "instagram" else "comments"
            response = await http.request(
                "POST",
                f"{graph}/{send.to}/{edge}",
                data={"message": send.text, "access_token": send.token},
            )
        elif send.via == "message":
            response = await http.request(
                "POST",
                f"{graph}/{send.account}/messages",
                params={"access_token": send.token},
                json={
                    "recipient": {"id": send.to},
                    "messaging_type": "RESPONSE",
                    "message": {"text": send.text},
                },
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
    except httpx.HTTPError as exc:
        return _unknown(send, type(exc).__name__)
    return _outcome(send, response)


def _unknown(send: Send, why: str) -> Outcome:
    if send.via == "push":  # the retry key makes a second try safe
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
    body = response.json() if response.content else {}
    found = body.get("id") or body.get("message_id") if isinstance(body, dict) else None
    return Outcome("sent", platform_id=str(found) if found else None)


async def _claim(
    db: Database, vault: Sealer, message_id: uuid.UUID, tenant_id: uuid.UUID
) -> Send | None:
    """Mark the reply `sending` (committed before any call) and gather what the call needs."""
    async with db.transaction(tenant_id) as session:
        reply = await inbox_repo.claim_reply(session, message_id)
        if reply is None:
            return None
        if reply.state == "sending":  # its worker died mid-call: the outcome is unknown
            lost = Send(reply.via or "", "", "", "", "", None, "")
            outcome = _unknown(lost, "the worker stopped while sending")
            _record(reply, outcome)
            return None
        conversation = await inbox_repo.get(session, reply.conversation_id)
        channel = await session.get(Channel, conversation.channel_id) if conversation else None
        if conversation is None or channel is None or channel.credentials is None:
            _record(reply, Outcome("failed", error="the channel is gone"))
            return None
        secrets = vault.open(channel.credentials)
        reply_token = None
        if reply.via == "reply" and reply.event_id is not None:
            event = await inbox_repo.event(session, reply.event_id, lock=True)
            if event is None or event.reply_token is None:
                _record(reply, Outcome("failed", error="the reply token was already used"))
                return None
            reply_token = str(vault.open(event.reply_token)["token"])
            event.reply_token = None  # spent now, whatever happens next
        reply.state = "sending"
        reply.sending_started_at = datetime.now(UTC)
        account = "instagram" if channel.platform == "instagram" else channel.external_id or ""
        to = reply.parent_ref if reply.via == "comment" else conversation.author_id
        return Send(
            via=reply.via or "",
            text=reply.text,
            token=str(secrets.get("access_token") or ""),
            account=account,
            to=to or "",
            reply_token=reply_token,
            key=str(reply.idempotency_key),
        )


def _record(reply: ConversationMessage, outcome: Outcome) -> None:
    reply.state = outcome.state
    reply.error = outcome.error
    if outcome.platform_id:
        reply.platform_message_id = outcome.platform_id
    if outcome.state == "sent":
        reply.sent_at = datetime.now(UTC)


async def _finish(
    db: Database, message_id: uuid.UUID, tenant_id: uuid.UUID, outcome: Outcome
) -> None:
    async with db.transaction(tenant_id) as session:
        reply = await session.get(ConversationMessage, message_id, with_for_update=True)
        if reply is None or reply.state != "sending":
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


async def _unprepared(
    db: Database, message_id: uuid.UUID, tenant_id: uuid.UUID, error: str
) -> None:
    """Fail a reply whose preparing raised: nothing reached the platform, since its `sending`
    mark rolled back with the error (one left `sending` stays for the unknown-outcome rule)."""
    async with db.transaction(tenant_id) as session:
        reply = await inbox_repo.claim_reply(session, message_id)
        if reply is not None and reply.state == "pending":
            _record(reply, Outcome("failed", error=f"could not be prepared ({error})"))


async def send_once(
    db: Database,
    vault: Sealer,
    settings: PublisherSettings,
    http: HttpClient,
    batch: int = 50,
) -> int:
    """Send every pending reply of every town once (the job's body); how many were tried."""
    stale = datetime.now(UTC) - UNKNOWN_AFTER
    async with db.transaction() as session:
        due = await inbox_repo.replies_due(session, stale, batch)
    tried = 0
    for message_id, tenant_id in due:
        try:
            claimed = await _claim(db, vault, message_id, tenant_id)
        except Exception as exc:  # one reply that cannot be prepared must not stop the others
            log.warning(
                "inbox reply not prepared",
                extra={"reply": str(message_id), "error": type(exc).__name__},
            )
            await _unprepared(db, message_id, tenant_id, type(exc).__name__)
            continue
        if claimed is None:
            continue
        outcome = await call(http, settings, claimed)
        await _finish(db, message_id, tenant_id, outcome)
        tried += 1
    return tried
