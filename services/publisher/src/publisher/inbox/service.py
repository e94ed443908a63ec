"""Inbox use cases: receive signed webhooks, turn stored events into conversations, and the
staff's reads and changes. Never commits."""

from __future__ import annotations

import hmac
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.base import Event
from contracts.publisher import (
    ConversationAssignedV1,
    ConversationClosedV1,
    ConversationOpenedV1,
    ConversationReopenedV1,
)
from kit import policy, signatures
from kit.auth import InternalPrincipal
from kit.db import Database
from kit.errors import NotFound
from kit.events import outbox
from kit.preconditions import IfMatch
from kit.secrets import Sealer
from kit.tenancy import current_tenant
from publisher.channels import service as channels_service
from publisher.errors import (
    BadSignature,
    BadWebhookBody,
    ConversationNotFound,
    InboxNotConfigured,
    ModerationNotPossible,
    ModerationOutcomeUnknown,
    ReplyNotAwaitingApproval,
    ReplyNotFound,
    SelfApproval,
    VerifyTokenMismatch,
)
from publisher.inbox import (
    groups,
    line,
    mastodon,
    meta,
    moderation,
    replies,
    rules,
    templates,
    threads,
    x,
)
from publisher.inbox import repository as inbox_repo
from publisher.inbox.events import Inbound, Received
from publisher.inbox.models import (
    Conversation,
    ConversationMessage,
    InboxEvent,
    InboxRule,
    InboxSettings,
)
from publisher.inbox.schemas import (
    ConversationCounts,
    ConversationDetail,
    ConversationPost,
    ConversationRead,
    ConversationUpdate,
    ErasureRequest,
    ErasureResult,
    InboxSettingsRead,
    InboxSettingsUpdate,
    MessageRead,
    ReplyCreate,
    RuleCreate,
    WebhookAccepted,
)
from publisher.models import Channel
from publisher.platforms.http import HttpClient
from publisher.settings import PublisherSettings

DEFAULT_RETENTION_DAYS = 365
EXCERPT = 140  # characters of a conversation's newest message shown in lists
POST_EXCERPT = 280
E = TypeVar("E", bound=Event)

# --- settings ----------------------------------------------------------------------------------


async def _stored(
    session: AsyncSession, vault: Sealer, *, lock: bool = False
) -> tuple[InboxSettings | None, dict[str, str]]:
    """The town's inbox settings row (None before the first PUT) and its secrets, opened."""
    row = await inbox_repo.settings(session, lock=lock)
    return row, vault.open(row.sealed) if row is not None and row.sealed else {}


async def _secrets(session: AsyncSession, vault: Sealer) -> dict[str, str]:
    return (await _stored(session, vault))[1]


async def read_settings(
    session: AsyncSession, vault: Sealer, settings: PublisherSettings
) -> InboxSettingsRead:
    row, secrets = await _stored(session, vault)
    return InboxSettingsRead(
        meta_app_secret_set=bool(secrets.get("meta_app_secret")),
        meta_verify_token_set=bool(secrets.get("meta_verify_token")),
        deployment_app_secret=bool(settings.facebook_app_secret.get_secret_value()),
        retention_days=row.retention_days if row is not None else DEFAULT_RETENTION_DAYS,
        public_replies_need_approval=row is not None and row.public_replies_need_approval,
    )


async def update_settings(session: AsyncSession, vault: Sealer, data: InboxSettingsUpdate) -> None:
    row, secrets = await _stored(session, vault, lock=True)
    if row is None:
        row = InboxSettings(id=uuid.uuid4(), retention_days=DEFAULT_RETENTION_DAYS)
        session.add(row)
    plain = {"retention_days", "public_replies_need_approval"}
    secrets.update(data.model_dump(exclude_none=True, exclude=plain))
    row.sealed = vault.seal(secrets)
    if data.retention_days is not None:
        row.retention_days = data.retention_days
    if data.public_replies_need_approval is not None:
        row.public_replies_need_approval = data.public_replies_need_approval
    await session.flush()


# --- webhooks ----------------------------------------------------------------------------------


def _json(body: bytes) -> dict[str, Any]:
    try:
        return signatures.json_object(body)
    except ValueError as exc:
        raise BadWebhookBody(str(exc)) from exc


async def handshake(session: AsyncSession, vault: Sealer, mode: str, token: str) -> None:
    """Meta's subscription check: nothing when `token` is the town's verify token."""
    expected = (await _secrets(session, vault)).get("meta_verify_token")
    if not expected:
        raise InboxNotConfigured("set the town's Meta verify token first")
    if mode != rules.HANDSHAKE_MODE or not _same(token, expected):
        raise VerifyTokenMismatch("hub.verify_token is not the town's")


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


async def receive_meta(
    session: AsyncSession,
    vault: Sealer,
    settings: PublisherSettings,
    body: bytes,
    signature: str,
) -> WebhookAccepted:
    """Check `X-Hub-Signature-256` over the raw body, then store each new event."""
    secret = (await _secrets(session, vault)).get("meta_app_secret") or (
        settings.facebook_app_secret.get_secret_value()
    )
    if not secret:
        raise InboxNotConfigured("set the town's Meta app secret first")
    if not signature or not signatures.matches_hex(secret, body, signature):
        raise BadSignature("X-Hub-Signature-256 does not verify with the app secret")
    payload = _json(body)
    known = {
        (c.platform, c.external_id): c.id
        for c in await inbox_repo.channels(session, list(meta.OBJECTS.values()))
        if c.external_id
    }
    return await _store(session, vault, "meta", meta.split(payload, known))


async def handshake_everywhere(settings: PublisherSettings, mode: str, token: str) -> None:
    """Meta's subscription check of the deployment-wide callback: the deployment's token."""
    expected = settings.meta_verify_token.get_secret_value()
    if not expected:
        raise InboxNotConfigured("PUBLISHER_META_VERIFY_TOKEN is not set")
    if mode != rules.HANDSHAKE_MODE or not _same(token, expected):
        raise VerifyTokenMismatch("hub.verify_token is not the deployment's")


async def receive_meta_everywhere(
    jobs_db: Database,
    db: Database,
    vault: Sealer,
    settings: PublisherSettings,
    body: bytes,
    signature: str,
) -> WebhookAccepted:
    """The deployment-wide Meta callback: one Meta app sends every connected Page's and
    Instagram account's events to one URL [M-WH], so each entry's town is found by its
    `entry[].id` (the channel's account id). Checked with the deployment's app secret
    (PUBLISHER_FACEBOOK_APP_SECRET) over the raw body; every entry is read before anything is
    stored, then each town's events are stored in that town's own transaction."""
    secret = settings.facebook_app_secret.get_secret_value()
    if not secret:
        raise InboxNotConfigured("PUBLISHER_FACEBOOK_APP_SECRET is not set")
    if not signature or not signatures.matches_hex(secret, body, signature):
        raise BadSignature("X-Hub-Signature-256 does not verify with the app secret")
    payload = _json(body)
    platform = meta.OBJECTS.get(str(payload.get("object")))
    if platform is None:
        return WebhookAccepted(received=0, duplicates=0)
    accounts = {str(e.get("id")) for e in meta.entries(payload) if e.get("id") is not None}
    async with jobs_db.transaction() as session:
        found = await inbox_repo.accounts_everywhere(session, platform, sorted(accounts))
    towns: dict[uuid.UUID, dict[tuple[str, str], uuid.UUID]] = {}
    for tenant, channel, account in found:
        towns.setdefault(tenant, {})[(platform, account)] = channel
    split = {tenant: meta.split(payload, known) for tenant, known in towns.items()}
    received = duplicates = 0
    for tenant, events in split.items():
        async with db.transaction(tenant) as session:
            stored = await _store(session, vault, "meta", events)
        received, duplicates = received + stored.received, duplicates + stored.duplicates
    return WebhookAccepted(received=received, duplicates=duplicates)


async def receive_threads(
    jobs_db: Database,
    db: Database,
    vault: Sealer,
    settings: PublisherSettings,
    body: bytes,
    signature: str,
) -> WebhookAccepted:
    """Threads' webhook (inbox.threads): checked with the Threads app secret over the raw body,
    its replies given to the town whose Threads account they are on, each stored once."""
    secret = settings.threads_app_secret.get_secret_value()
    if not secret:
        raise InboxNotConfigured("PUBLISHER_THREADS_APP_SECRET is not set")
    if not signature or not signatures.matches_hex(secret, body, signature):
        raise BadSignature("X-Hub-Signature-256 does not verify with the Threads app secret")
    payload = _json(body)
    threads.split(payload, {})  # the whole body is read (400 when it is not the shape) first
    account = threads.account_of(payload)
    async with jobs_db.transaction() as session:
        found = await inbox_repo.accounts_everywhere(
            session, "threads", [account] if account else []
        )
    received = duplicates = 0
    for tenant, channel, _ in found:
        async with db.transaction(tenant) as session:
            stored = await _store(
                session, vault, "threads", threads.split(payload, {account: channel})
            )
        received, duplicates = received + stored.received, duplicates + stored.duplicates
    return WebhookAccepted(received=received, duplicates=duplicates)


async def receive_line(
    session: AsyncSession, vault: Sealer, body: bytes, signature: str
) -> WebhookAccepted:
    """Find the town's LINE channel whose channel secret signs the body, then store each new
    event (the console's URL check, `events: []`, stores nothing and is answered 200)."""
    candidates = []
    for channel in await inbox_repo.channels(session, ["line"]):
        secrets = vault.open(channel.credentials) if channel.credentials else {}
        if secrets.get("channel_secret"):
            candidates.append((channel, str(secrets["channel_secret"])))
    if not candidates:
        raise InboxNotConfigured("no LINE channel of the town has a channel_secret")
    signer = next(
        (
            c
            for c, secret in candidates
            if signature and signatures.matches_base64(secret, body, signature)
        ),
        None,
    )
    if signer is None:
        raise BadSignature("X-Line-Signature does not verify with a channel secret")
    return await _store(session, vault, "line", line.split(_json(body), signer.id))


async def _store(
    session: AsyncSession, vault: Sealer, platform: str, received: list[Received]
) -> WebhookAccepted:
    now, tenant = datetime.now(UTC), current_tenant(session)
    rows = [
        {
            "id": uuid.uuid4(),
            "tenant_id": tenant,
            "platform": platform,
            "channel_id": event.channel_id,
            "dedup_key": event.dedup_key[:300],
            "payload": event.payload,
            "reply_token": vault.seal({"token": event.reply_token}) if event.reply_token else None,
            "received_at": now,
            "state": "pending",
            "attempts": 0,
        }
        for event in received
    ]
    new = await inbox_repo.store_events(session, rows)
    return WebhookAccepted(received=new, duplicates=len(received) - new)


async def store_polled(
    session: AsyncSession, vault: Sealer, platform: str, received: list[Received]
) -> WebhookAccepted:
    """Events a poll read (X, Mastodon), stored as a webhook's are: once per platform id."""
    return await _store(session, vault, platform, received)


# --- ingestion (the worker) --------------------------------------------------------------------


def read_event(event: InboxEvent) -> Inbound | None:
    """What a stored event says, by its platform."""
    if event.platform == "line":
        return line.read(event.payload)
    if event.platform == "x":
        return x.read(event.payload)
    if event.platform == "mastodon":
        return mastodon.read(event.payload)
    if event.platform == "threads":
        return threads.read(event.payload)
    return meta.read(event.payload)


async def handle(session: AsyncSession, event: InboxEvent) -> str:
    """Thread one stored event; the state to leave it in (`done` or `ignored`)."""
    inbound = read_event(event)
    if inbound is None or not inbound.author_id:
        return "ignored"
    platform = _platform(event)
    if platform == "threads" and await inbox_repo.on_channel(
        session, event.channel_id, inbound.message_id or ""
    ):
        return "ignored"  # the town's own reply, sent from Machi, coming back as an event
    kind = "message" if inbound.kind == "follow" else inbound.kind
    values = {
        "id": uuid.uuid4(),
        "tenant_id": event.tenant_id,
        "channel_id": event.channel_id,
        "platform": platform,
        "kind": kind,
        "post_ref": inbound.post_ref if kind == "comment" else "",
        "author_id": inbound.author_id,
        "author_name": inbound.author_name,
        "status": "open",
        "priority": "normal",
        "tags": [],
        "last_message_at": inbound.sent_at,
    }
    # A follow, an edit or a removal opens no thread of its own; a message from the town
    # (an echo, the Page's own comment) joins the citizen's thread only if one exists.
    create = inbound.action == "add" and inbound.kind != "follow" and not inbound.from_town
    if create and kind == "comment" and inbound.parent_ref:
        # A citizen answering the town's reply (or their own comment) stays in that thread.
        answered = await inbox_repo.thread_of_comment(session, event.channel_id, inbound.parent_ref)
        if answered is not None and answered.author_id == inbound.author_id:
            values["post_ref"] = answered.post_ref
    if inbound.from_town and kind == "comment":
        # The Page's reply names the citizen's comment as its parent: that comment's thread.
        conversation = await inbox_repo.thread_of_comment(
            session, event.channel_id, inbound.parent_ref or ""
        )
    else:
        conversation = await inbox_repo.thread(session, values, create=create)
    if conversation is None:
        return "ignored"
    if conversation.id == values["id"]:  # made just now
        await outbox.add(session, lifecycle(ConversationOpenedV1, conversation, inbound.sent_at))
        await _route(session, conversation, inbound.text)
    if inbound.action != "add":
        return await _change(session, conversation, inbound)
    added = await inbox_repo.add_message(
        session,
        {
            "id": uuid.uuid4(),
            "tenant_id": event.tenant_id,
            "conversation_id": conversation.id,
            "direction": "out" if inbound.from_town else "in",
            "platform_message_id": inbound.message_id or f"event:{event.id}",
            "parent_ref": inbound.parent_ref,
            "text": inbound.text,
            "attachments": inbound.attachments
            or ([{"type": "follow"}] if inbound.kind == "follow" else []),
            "author_id": inbound.author_id,
            "sent_at": inbound.sent_at,
            "removed": False,
            "reply_token_expires_at": inbound.sent_at + rules.LINE_REPLY_TOKEN.length
            if event.reply_token is not None
            else None,
            "event_id": event.id,
            "created_at": datetime.now(UTC),
        },
    )
    if not added:
        return "done"
    conversation.last_message_at = max(conversation.last_message_at, inbound.sent_at)
    if not inbound.from_town:
        if inbound.author_name:
            conversation.author_name = inbound.author_name
        if conversation.status == "closed":  # the report counts it open again
            reopened = lifecycle(ConversationReopenedV1, conversation, inbound.sent_at)
            await outbox.add(session, reopened)
        if conversation.status != "open":
            conversation.status = "open"  # the citizen wrote again
        if kind == "message" and platform != "line":
            closes = inbound.sent_at + rules.MESSAGING_WINDOW.length
            current = conversation.window_closes_at
            conversation.window_closes_at = closes if current is None else max(current, closes)
    return "done"


async def _route(session: AsyncSession, conversation: Conversation, text: str) -> None:
    """Assign a new conversation by the town's first matching rule (channel, keyword,
    language), to its staff member or to its group's member whose turn it is."""
    words = text.casefold()
    conversation.language = rules.language_of(text)
    for rule in await inbox_repo.rules(session):
        if rule.channel_id is not None and rule.channel_id != conversation.channel_id:
            continue
        if rule.keyword is not None and rule.keyword.casefold() not in words:
            continue
        if rule.language is not None and rule.language != conversation.language:
            continue
        assignee = rule.assignee
        if rule.group_id is not None:
            exists, assignee = await groups.take_turn(session, rule.group_id)
            if not exists:
                continue  # its group was removed a moment ago
        conversation.assignee, conversation.group_id = assignee, rule.group_id
        await _assigned(session, conversation, f"rule:{rule.id}")
        return


async def _assigned(session: AsyncSession, conversation: Conversation, by: str) -> None:
    assigned = lifecycle(
        ConversationAssignedV1,
        conversation,
        datetime.now(UTC),
        assignee=conversation.assignee,
        group_id=conversation.group_id,
        by=by,
    )
    await outbox.add(session, assigned)


async def list_rules(session: AsyncSession) -> list[InboxRule]:
    return await inbox_repo.rules(session)


async def add_rule(session: AsyncSession, data: RuleCreate) -> InboxRule:
    """A routing rule; its channel must be one of the town's (looked up: the column is a bare id
    with no foreign key, and another town's channel is a 404 like one that never existed)."""
    if data.channel_id is not None:
        await channels_service.get(session, data.channel_id)
    if data.group_id is not None:
        await groups.get(session, data.group_id)
    rule = InboxRule(id=uuid.uuid4(), **data.model_dump())
    session.add(rule)
    await session.flush()
    await session.refresh(rule)
    return rule


async def delete_rule(session: AsyncSession, rule_id: uuid.UUID) -> None:
    rule = await inbox_repo.rule(session, rule_id)
    if rule is None:
        raise NotFound("no such inbox rule")
    await session.delete(rule)


async def _change(session: AsyncSession, conversation: Conversation, inbound: Inbound) -> str:
    if not inbound.message_id:
        return "ignored"
    message = await inbox_repo.message_by_platform_id(session, conversation.id, inbound.message_id)
    if message is None:
        return "ignored"  # the edit of a comment that arrived before the inbox existed
    if inbound.action == "remove":
        message.removed = True
    else:
        message.text = inbound.text
    return "done"


def _platform(event: InboxEvent) -> str:
    if event.platform in ("line", "x", "mastodon", "threads"):
        return event.platform
    return str(event.payload.get("platform") or "facebook_page")


# --- the staff's reads and changes -------------------------------------------------------------


def lifecycle(event: type[E], conversation: Conversation, at: datetime, **extra: Any) -> E:
    """A `publisher.conversation.*.v1` event of `conversation` (no citizen's name or words)."""
    return event(
        conversation_id=conversation.id,
        channel_id=conversation.channel_id,
        platform=conversation.platform,
        kind=conversation.kind,
        at=at,
        **extra,
    )


def _viewer(principal: InternalPrincipal) -> str | None:
    """Whose conversations `principal` sees: None for an admin (all), else their own id."""
    return None if principal.has_role(policy.ADMIN) else principal.sub


def _approver(principal: InternalPrincipal) -> bool:
    """An editor (as for posts): approves the public replies that wait, so sees them."""
    return principal.has_role(*policy.EDITORS)


async def visible(
    session: AsyncSession, conversation: Conversation | None, principal: InternalPrincipal
) -> Conversation:
    """`conversation` when `principal` may see it (an admin: all; others: theirs, their
    groups' and nobody's); 404 otherwise (someone else's is not confirmed to exist)."""
    if conversation is None:
        raise ConversationNotFound("no such conversation among yours")
    viewer = _viewer(principal)
    if viewer is None or conversation.assignee == viewer:
        return conversation
    if conversation.group_id is None:
        if conversation.assignee is None:
            return conversation
    elif await inbox_repo.member_of(session, conversation.group_id, viewer):
        return conversation
    if _approver(principal) and await inbox_repo.holds_awaiting(session, conversation.id):
        return conversation
    raise ConversationNotFound("no such conversation among yours")


async def list_page(
    session: AsyncSession,
    principal: InternalPrincipal,
    *,
    status: str | None = None,
    assignee: str | None = None,
    group: str | None = None,
    channel_id: uuid.UUID | None = None,
    language: str | None = None,
    older_than_hours: int | None = None,
    awaiting_approval: bool = False,
    cursor: str | None = None,
    limit: int,
) -> tuple[list[ConversationRead], str | None]:
    """A page of the conversations `principal` sees, narrowed: `assignee` `me`, `none` or a
    user id; `group` `mine` (any of the caller's groups), `none` or a group id; opened more
    than `older_than_hours` ago."""
    if assignee == "me":
        assignee = principal.sub
    opened_before = None
    if older_than_hours is not None:
        opened_before = datetime.now(UTC) - timedelta(hours=older_than_hours)
    filters = inbox_repo.Filters(
        status=status,
        assignee=None if assignee == "none" else assignee,
        unassigned=assignee == "none",
        channel_id=channel_id,
        group_id=uuid.UUID(group) if group not in (None, "mine", "none") else None,
        groups_of=principal.sub if group == "mine" else None,
        no_group=group == "none",
        language=language,
        opened_before=opened_before,
        awaiting_approval=awaiting_approval,
    )
    found, next_cursor = await inbox_repo.page(
        session,
        visible_to=_viewer(principal),
        approver=_approver(principal),
        filters=filters,
        cursor=cursor,
        limit=limit,
    )
    starts = await inbox_repo.excerpts(session, [c.id for c in found], EXCERPT)
    return [_read(c, starts.get(c.id)) for c in found], next_cursor


def _read(conversation: Conversation, excerpt: str | None) -> ConversationRead:
    fields = {k: getattr(conversation, k) for k in ConversationRead.model_fields if k != "excerpt"}
    return ConversationRead.model_validate({**fields, "excerpt": excerpt})


async def counts(session: AsyncSession, principal: InternalPrincipal) -> ConversationCounts:
    """Open conversations for the caller and for nobody (what the caller would pick up)."""
    mine, unassigned, in_groups = await inbox_repo.open_counts(session, principal.sub)
    awaiting = await inbox_repo.awaiting_count(session) if _approver(principal) else 0
    return ConversationCounts(
        open_mine=mine,
        open_unassigned=unassigned,
        open_my_groups=in_groups,
        awaiting_approval=awaiting,
    )


async def detail(
    session: AsyncSession, principal: InternalPrincipal, conversation_id: uuid.UUID
) -> ConversationDetail:
    conversation = await visible(session, await inbox_repo.get(session, conversation_id), principal)
    messages = await inbox_repo.messages(session, conversation.id)
    post = await _post(session, conversation) if conversation.kind == "comment" else None
    return _detail(conversation, messages, post)


async def _post(session: AsyncSession, conversation: Conversation) -> ConversationPost | None:
    found = await inbox_repo.post_on(session, conversation.channel_id, conversation.post_ref)
    if found is None:
        return None
    post, delivery = found
    media = [m for m in post.media or [] if isinstance(m, dict) and m.get("url")]
    return ConversationPost(
        post_id=post.id,
        text=post.text[:POST_EXCERPT],
        permalink=delivery.permalink,
        photo_url=str(media[0]["url"]) if media else None,
    )


def _detail(
    conversation: Conversation, messages: list[Any], post: ConversationPost | None = None
) -> ConversationDetail:
    shown = [m for m in messages if m.direction != "note" and not m.removed]
    newest = max(shown, key=lambda m: (m.sent_at, m.created_at), default=None)
    fields = {
        k: getattr(conversation, k)
        for k in ConversationDetail.model_fields
        if k not in ("messages", "excerpt", "post")
    }
    return ConversationDetail.model_validate(
        {
            **fields,
            "excerpt": newest.text[:EXCERPT] if newest is not None else None,
            "messages": [MessageRead.model_validate(m) for m in messages],
            "post": post,
        }
    )


async def update(
    session: AsyncSession,
    principal: InternalPrincipal,
    conversation_id: uuid.UUID,
    data: ConversationUpdate,
    precondition: IfMatch,
) -> Conversation:
    """Change status, assignee, priority or tags of a conversation the caller sees."""
    conversation = await visible(
        session, await inbox_repo.get(session, conversation_id, lock=True), principal
    )
    precondition.check(conversation)
    now = datetime.now(UTC)
    if data.status is not None and data.status != conversation.status:
        was = conversation.status
        conversation.status = data.status
        if data.status == "closed":
            closed = lifecycle(ConversationClosedV1, conversation, now, by=principal.sub)
            await outbox.add(session, closed)
        elif was == "closed":
            reopened = lifecycle(ConversationReopenedV1, conversation, now, by=principal.sub)
            await outbox.add(session, reopened)
    if await _reassign(session, conversation, data):
        await _assigned(session, conversation, principal.sub)
    if data.priority is not None:
        conversation.priority = data.priority
    tags = data.clean_tags()
    if tags is not None:
        conversation.tags = tags
    await session.flush()
    await session.refresh(conversation)
    return conversation


async def _reassign(
    session: AsyncSession, conversation: Conversation, data: ConversationUpdate
) -> bool:
    """Apply a hand's (re)assignment; whether the assignee or the group changed. A group given
    without an assignee hands the conversation to its member whose turn it is."""
    before = (conversation.assignee, conversation.group_id)
    given = data.model_fields_set
    if "group_id" in given and data.group_id != conversation.group_id:
        if data.group_id is not None:
            await groups.get(session, data.group_id)  # another town's is a 404
        conversation.group_id = data.group_id
        if data.group_id is not None and "assignee" not in given:
            conversation.assignee = (await groups.take_turn(session, data.group_id))[1]
    if "assignee" in given:
        conversation.assignee = data.assignee
    return (conversation.assignee, conversation.group_id) != before


async def add_note(
    session: AsyncSession, principal: InternalPrincipal, conversation_id: uuid.UUID, text: str
) -> ConversationDetail:
    """An internal note: kept in the thread's history, never sent to the platform."""
    conversation = await visible(
        session, await inbox_repo.get(session, conversation_id, lock=True), principal
    )
    now = datetime.now(UTC)
    await inbox_repo.add_message(
        session,
        {
            "id": uuid.uuid4(),
            "tenant_id": conversation.tenant_id,
            "conversation_id": conversation.id,
            "direction": "note",
            "platform_message_id": None,
            "text": text,
            "attachments": [],
            "author_id": principal.sub,
            "sent_at": now,
            "removed": False,
            "created_at": now,
        },
    )
    messages = await inbox_repo.messages(session, conversation.id)
    post = await _post(session, conversation) if conversation.kind == "comment" else None
    return _detail(conversation, messages, post)


async def reply(
    session: AsyncSession,
    principal: InternalPrincipal,
    conversation_id: uuid.UUID,
    data: ReplyCreate,
) -> MessageRead:
    """A staff answer, queued for the worker to send once through the platform (inbox.replies)."""
    conversation = await visible(
        session, await inbox_repo.get(session, conversation_id, lock=True), principal
    )
    words, template_id = data.text, None
    if data.template_id is not None:
        template = await templates.get(session, data.template_id)
        chosen = templates.words(template, data.language, conversation.language)
        words, template_id = chosen, template.id
    channel = await session.get(Channel, conversation.channel_id)
    via, target = await replies.plan(session, conversation, channel, data.confirm_push)
    held = await _held_for_approval(session, principal, conversation)
    now = datetime.now(UTC)
    message = ConversationMessage(
        id=uuid.uuid4(),
        conversation_id=conversation.id,
        direction="out",
        platform_message_id=None,
        parent_ref=target if via in ("comment", "message", "mention") else None,
        event_id=uuid.UUID(target) if via == "reply" and target else None,
        text=words or "",
        attachments=[],
        author_id=principal.sub,
        sent_at=now,
        removed=False,
        state=inbox_repo.AWAITING if held else "pending",
        via=via,
        idempotency_key=uuid.uuid4(),
        template_id=template_id,
        created_at=now,
    )
    session.add(message)
    await session.flush()
    if not held:
        await inbox_repo.wake_reply_sender(session)
    return MessageRead.model_validate(message)


async def _held_for_approval(
    session: AsyncSession, principal: InternalPrincipal, conversation: Conversation
) -> bool:
    """Whether a reply waits for an editor: the town asks it of public replies (comment
    threads, seen by everyone; private messages never wait), and the author is no editor."""
    if conversation.kind != "comment" or _approver(principal):
        return False
    row = await inbox_repo.settings(session)
    return row is not None and row.public_replies_need_approval


async def review_reply(
    session: AsyncSession,
    principal: InternalPrincipal,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
    rejection: str | None = None,
) -> MessageRead:
    """An editor approves a public reply that waits (the worker then sends it, once, like any
    reply) or rejects it with a reason (it is never sent). Nobody reviews their own."""
    conversation = await visible(session, await inbox_repo.get(session, conversation_id), principal)
    message = await inbox_repo.reply_of(session, conversation.id, message_id)
    if message is None:
        raise ReplyNotFound("no such reply in this conversation")
    if message.state != inbox_repo.AWAITING:
        raise ReplyNotAwaitingApproval(f"the reply is {message.state}, not awaiting approval")
    if message.author_id == principal.sub:
        raise SelfApproval("you wrote this reply: another editor reviews it")
    message.state = "pending" if rejection is None else "rejected"
    message.review_comment = rejection
    message.reviewed_by = principal.sub
    message.reviewed_at = datetime.now(UTC)
    await session.flush()
    if rejection is None:
        await inbox_repo.wake_reply_sender(session)
    return MessageRead.model_validate(message)


async def erase(session: AsyncSession, data: ErasureRequest) -> ErasureResult:
    """Erase a citizen from the town's inbox on one channel (APPI): their threads' messages and
    stored webhook events are deleted; the threads stay, anonymised, so counts keep. A channel
    the town does not have is a 404, not an erasure of nothing reported as done."""
    await channels_service.get(session, data.channel_id)
    threads, deleted = await inbox_repo.erase_author(session, data.channel_id, data.author_id)
    return ErasureResult(conversations=threads, messages=deleted)


async def moderate(
    session: AsyncSession,
    principal: InternalPrincipal,
    vault: Sealer,
    settings: PublisherSettings,
    http: HttpClient,
    ids: tuple[uuid.UUID, uuid.UUID],
    action: str,
) -> MessageRead:
    """Hide, unhide or delete a citizen's comment on its platform (inbox.moderation): one call,
    made now and never repeated by Machi; the message records the result and who asked."""
    conversation_id, message_id = ids
    conversation = await visible(
        session, await inbox_repo.get(session, conversation_id, lock=True), principal
    )
    message = await session.get(ConversationMessage, message_id, with_for_update=True)
    if message is None or message.conversation_id != conversation.id:
        raise ConversationNotFound("no such message in this conversation")
    if conversation.platform not in moderation.PLATFORMS or conversation.kind != "comment":
        raise ModerationNotPossible(f"{conversation.platform} messages are not moderated here")
    if (conversation.platform, action) not in moderation.CALLS:
        raise ModerationNotPossible(f"{conversation.platform} has no call to {action} a reply")
    if message.direction != "in" or not message.platform_message_id:
        raise ModerationNotPossible("only a citizen's comment can be hidden or deleted")
    if message.removed:
        raise ModerationNotPossible("the comment is no longer on the platform")
    channel = await session.get(Channel, conversation.channel_id)
    if channel is None or channel.status != "active" or channel.credentials is None:
        raise ModerationNotPossible("the channel is not connected; an admin reconnects it first")
    token = str(vault.open(channel.credentials).get("access_token") or "")
    threads_ = conversation.platform == "threads"
    outcome = await moderation.call(
        http,
        settings.threads_graph_url if threads_ else settings.facebook_graph_url,
        conversation.platform,
        action,
        message.platform_message_id,
        token,
    )
    if not outcome.known:
        raise ModerationOutcomeUnknown(
            f"{outcome.error}: check the comment on the platform before asking again"
        )
    if not outcome.done:
        raise ModerationNotPossible(f"the platform refused: {outcome.error}")
    if action == "delete":
        message.removed = True
    else:
        message.hidden = action == "hide"
    message.moderated_by = principal.sub
    message.moderated_at = datetime.now(UTC)
    await session.flush()
    return MessageRead.model_validate(message)
