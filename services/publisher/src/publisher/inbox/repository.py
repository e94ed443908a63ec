"""Every inbox query, and the wake-ups of the inbox's jobs (`kit.wakeups`). No commits here."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    delete,
    func,
    or_,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.dialects.postgresql import distinct_on, insert
from sqlalchemy.ext.asyncio import AsyncSession

from kit import wakeups
from kit.pagination import paginate
from publisher.inbox.models import (
    Conversation,
    ConversationMessage,
    InboxEvent,
    InboxGroup,
    InboxPoll,
    InboxRule,
    InboxSettings,
    InboxTemplate,
)
from publisher.models import Channel, Delivery, Post

EVENTS_CHANNEL = "publisher_inbox_events"  # NOTIFYed by commits that store events to thread
REPLIES_CHANNEL = "publisher_inbox_replies"  # NOTIFYed by commits that queue a reply to send
POLLS_CHANNEL = "publisher_inbox_polls"  # NOTIFYed by commits that connect a polled channel
POLLED_PLATFORMS = ("x", "mastodon")  # no webhook for a town's mentions: the worker reads them
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


async def settings(session: AsyncSession, *, lock: bool = False) -> InboxSettings | None:
    statement = select(InboxSettings)
    if lock:
        statement = statement.with_for_update()
    return (await session.execute(statement)).scalar_one_or_none()


async def channels(session: AsyncSession, platforms: Sequence[str]) -> list[Channel]:
    """The town's active channels on `platforms`."""
    statement = select(Channel).where(Channel.platform.in_(platforms), Channel.status == "active")
    return list((await session.execute(statement)).scalars())


async def accounts_everywhere(
    session: AsyncSession, platform: str, accounts: Sequence[str]
) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
    """(tenant id, channel id, account id) of every town's active channel on `platform` whose
    account is one of `accounts`: the one question the deployment-wide Meta callback asks across
    towns, as the jobs role (ids only; the events are stored in each town's own transaction)."""
    if not accounts:
        return []
    statement = (
        select(Channel.tenant_id, Channel.id, Channel.external_id)
        .where(
            Channel.platform == platform,
            Channel.status == "active",
            Channel.external_id.in_(list(accounts)),
        )
        .execution_options(all_tenants=True)
    )
    return [(tid, cid, str(ext)) for tid, cid, ext in await session.execute(statement)]


async def store_events(session: AsyncSession, rows: list[dict[str, Any]]) -> int:
    """Insert received events in one statement; how many were new (one the platform sent
    before, by its dedup key, is skipped, even twice in the same body)."""
    if not rows:
        return 0
    statement = (
        insert(InboxEvent)
        .values(rows)
        .on_conflict_do_nothing(index_elements=["tenant_id", "platform", "dedup_key"])
        .returning(InboxEvent.id)
    )
    new = len((await session.execute(statement)).scalars().all())
    if new:
        await wakeups.notify(session, EVENTS_CHANNEL)
    return new


async def pending_events(session: AsyncSession, limit: int) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(event id, tenant id) of events of any tenant waiting for the worker, oldest first."""
    statement = (
        select(InboxEvent.id, InboxEvent.tenant_id)
        .where(InboxEvent.state == "pending")
        .order_by(InboxEvent.received_at)
        .limit(limit)
        .execution_options(all_tenants=True)
    )
    return [(eid, tid) for eid, tid in await session.execute(statement)]


async def events_waiting_since(session: AsyncSession) -> datetime | None:
    """When the oldest event still pending (one that failed and is tried again) was received,
    any tenant's; None when none waits."""
    statement = (
        select(func.min(InboxEvent.received_at))
        .where(InboxEvent.state == "pending")
        .execution_options(all_tenants=True)
    )
    return (await session.execute(statement)).scalar_one()


async def claim_event(session: AsyncSession, event_id: uuid.UUID) -> InboxEvent | None:
    """The pending event, locked; None when another worker holds or handled it."""
    statement = (
        select(InboxEvent)
        .where(InboxEvent.id == event_id, InboxEvent.state == "pending")
        .with_for_update(skip_locked=True)
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def thread(
    session: AsyncSession, values: dict[str, Any], *, create: bool
) -> Conversation | None:
    """The conversation of (channel, kind, post, author), made when `create` and missing (two
    workers making the same one meet on its unique key), locked for the caller."""
    if create:
        await session.execute(
            insert(Conversation)
            .values(**values)
            .on_conflict_do_nothing(
                index_elements=["tenant_id", "channel_id", "kind", "post_ref", "author_id"]
            )
        )
    statement = (
        select(Conversation)
        .where(
            Conversation.channel_id == values["channel_id"],
            Conversation.kind == values["kind"],
            Conversation.post_ref == values["post_ref"],
            Conversation.author_id == values["author_id"],
        )
        .with_for_update()
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def thread_of_comment(
    session: AsyncSession, channel_id: uuid.UUID, comment_id: str
) -> Conversation | None:
    """The comment thread of `channel_id` holding the comment `comment_id`, locked."""
    statement = (
        select(Conversation)
        .join(ConversationMessage, ConversationMessage.conversation_id == Conversation.id)
        .where(
            Conversation.channel_id == channel_id,
            Conversation.kind == "comment",
            ConversationMessage.platform_message_id == comment_id,
        )
        .with_for_update(of=Conversation)
    )
    return (await session.execute(statement)).scalars().first()


async def on_channel(session: AsyncSession, channel_id: uuid.UUID, platform_id: str) -> bool:
    """Whether a message with the platform's id `platform_id` is already on `channel_id`."""
    statement = (
        select(ConversationMessage.id)
        .join(Conversation, Conversation.id == ConversationMessage.conversation_id)
        .where(
            Conversation.channel_id == channel_id,
            ConversationMessage.platform_message_id == platform_id,
        )
        .limit(1)
    )
    return (await session.execute(statement)).first() is not None


async def add_message(session: AsyncSession, values: dict[str, Any]) -> bool:
    """Insert a message; False when the thread already has it (its platform id)."""
    statement = (
        insert(ConversationMessage)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["conversation_id", "platform_message_id"])
        .returning(ConversationMessage.id)
    )
    return (await session.execute(statement)).scalar_one_or_none() is not None


async def message_by_platform_id(
    session: AsyncSession, conversation_id: uuid.UUID, platform_id: str
) -> ConversationMessage | None:
    statement = select(ConversationMessage).where(
        ConversationMessage.conversation_id == conversation_id,
        ConversationMessage.platform_message_id == platform_id,
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def get(
    session: AsyncSession, conversation_id: uuid.UUID, *, lock: bool = False
) -> Conversation | None:
    statement = select(Conversation).where(Conversation.id == conversation_id)
    if lock:
        statement = statement.with_for_update()
    return (await session.execute(statement)).scalar_one_or_none()


async def messages(session: AsyncSession, conversation_id: uuid.UUID) -> list[ConversationMessage]:
    """A thread's history in the platforms' order (their timestamps, not arrival)."""
    statement = (
        select(ConversationMessage)
        .where(ConversationMessage.conversation_id == conversation_id)
        .order_by(ConversationMessage.sent_at, ConversationMessage.created_at)
    )
    return list((await session.execute(statement)).scalars())


@dataclass(frozen=True)
class Filters:
    """What a conversation list is narrowed to (every one given must hold)."""

    status: str | None = None
    assignee: str | None = None  # a user id
    unassigned: bool = False  # no assignee
    channel_id: uuid.UUID | None = None
    group_id: uuid.UUID | None = None
    groups_of: str | None = None  # given to any group this user is a member of
    no_group: bool = False
    language: str | None = None
    opened_before: datetime | None = None
    awaiting_approval: bool = False  # holds a public reply waiting for an editor


def _groups_of(user: str) -> Any:
    """The ids of the groups `user` is a member of, as a subquery."""
    return select(InboxGroup.id).where(InboxGroup.members.contains([user])).scalar_subquery()


AWAITING = "awaiting_approval"


def _awaiting() -> ColumnElement[bool]:
    """The conversation holds a reply waiting for an editor's approval."""
    return (
        select(ConversationMessage.id)
        .where(
            ConversationMessage.conversation_id == Conversation.id,
            ConversationMessage.state == AWAITING,
        )
        .exists()
    )


def seen_by(user: str, *, approver: bool = False) -> ColumnElement[bool]:
    """A conversation `user` (not an admin) may see: theirs, their groups', or nobody's; and
    for an editor (`approver`), any holding a reply waiting for approval."""
    seen = [
        Conversation.assignee == user,
        Conversation.group_id.in_(_groups_of(user)),
        and_(Conversation.assignee.is_(None), Conversation.group_id.is_(None)),
    ]
    if approver:
        seen.append(_awaiting())
    return or_(*seen)


def _narrowed(statement: Any, filters: Filters) -> Any:
    conditions: list[ColumnElement[bool]] = []
    if filters.status is not None:
        conditions.append(Conversation.status == filters.status)
    if filters.unassigned:
        conditions.append(Conversation.assignee.is_(None))
    elif filters.assignee is not None:
        conditions.append(Conversation.assignee == filters.assignee)
    if filters.channel_id is not None:
        conditions.append(Conversation.channel_id == filters.channel_id)
    if filters.no_group:
        conditions.append(Conversation.group_id.is_(None))
    elif filters.group_id is not None:
        conditions.append(Conversation.group_id == filters.group_id)
    if filters.groups_of is not None:
        conditions.append(Conversation.group_id.in_(_groups_of(filters.groups_of)))
    if filters.language is not None:
        conditions.append(Conversation.language == filters.language)
    if filters.opened_before is not None:
        conditions.append(Conversation.created_at < filters.opened_before)
    if filters.awaiting_approval:
        conditions.append(_awaiting())
    return statement.where(*conditions) if conditions else statement


async def page(
    session: AsyncSession,
    *,
    visible_to: str | None,
    filters: Filters,
    cursor: str | None,
    limit: int,
    approver: bool = False,
) -> tuple[list[Conversation], str | None]:
    """Conversations, latest message first; `visible_to`: only those that user sees (None:
    all of the town's)."""
    statement = select(Conversation)
    if visible_to is not None:
        statement = statement.where(seen_by(visible_to, approver=approver))
    return await paginate(
        session,
        _narrowed(statement, filters),
        Conversation,
        cursor=cursor,
        limit=limit,
        order=Conversation.last_message_at,
    )


async def excerpts(
    session: AsyncSession, conversation_ids: Sequence[uuid.UUID], length: int
) -> dict[uuid.UUID, str]:
    """The start of each conversation's newest message still on the platform (either
    direction, notes left out), in one query."""
    if not conversation_ids:
        return {}
    statement = (
        select(ConversationMessage.conversation_id, func.left(ConversationMessage.text, length))
        .where(
            ConversationMessage.conversation_id.in_(conversation_ids),
            ConversationMessage.direction.in_(("in", "out")),
            ConversationMessage.removed.is_(False),
        )
        .ext(distinct_on(ConversationMessage.conversation_id))
        .order_by(
            ConversationMessage.conversation_id,
            ConversationMessage.sent_at.desc(),
            ConversationMessage.created_at.desc(),
        )
    )
    return {cid: str(start) for cid, start in await session.execute(statement)}


async def open_counts(session: AsyncSession, user: str) -> tuple[int, int, int]:
    """(open and assigned to `user`, open and given to nobody (no assignee, no group), open
    and given to one of `user`'s groups), in one query."""
    is_open = Conversation.status == "open"
    statement = select(
        func.count().filter(is_open, Conversation.assignee == user),
        func.count().filter(
            is_open, Conversation.assignee.is_(None), Conversation.group_id.is_(None)
        ),
        func.count().filter(is_open, Conversation.group_id.in_(_groups_of(user))),
    ).select_from(Conversation)
    mine, unassigned, groups = (await session.execute(statement)).one()
    return int(mine), int(unassigned), int(groups)


async def post_on(
    session: AsyncSession, channel_id: uuid.UUID, platform_post_id: str
) -> tuple[Post, Delivery] | None:
    """The town's post Machi published on `channel_id` as `platform_post_id`, if any."""
    if not platform_post_id:
        return None
    statement = (
        select(Post, Delivery)
        .join(Delivery, Delivery.post_id == Post.id)
        .where(Delivery.channel_id == channel_id, Delivery.platform_post_id == platform_post_id)
        .limit(1)
    )
    found = (await session.execute(statement)).first()
    return (found[0], found[1]) if found is not None else None


async def latest_inbound(
    session: AsyncSession, conversation_id: uuid.UUID
) -> ConversationMessage | None:
    """The citizen's newest message or comment still on the platform."""
    statement = (
        select(ConversationMessage)
        .where(
            ConversationMessage.conversation_id == conversation_id,
            ConversationMessage.direction == "in",
            ConversationMessage.removed.is_(False),
        )
        .order_by(ConversationMessage.sent_at.desc(), ConversationMessage.created_at.desc())
        .limit(1)
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def event(session: AsyncSession, event_id: uuid.UUID, *, lock: bool = False) -> Any:
    statement = select(InboxEvent).where(InboxEvent.id == event_id)
    if lock:
        statement = statement.with_for_update()
    return (await session.execute(statement)).scalar_one_or_none()


async def replies_due(
    session: AsyncSession, stale_before: datetime, limit: int
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(message id, tenant id) of any tenant's replies waiting to be sent, or left `sending` by a
    worker that died before `stale_before`."""
    statement = (
        select(ConversationMessage.id, ConversationMessage.tenant_id)
        .where(
            or_(
                ConversationMessage.state == "pending",
                (ConversationMessage.state == "sending")
                & (ConversationMessage.sending_started_at < stale_before),
            )
        )
        .order_by(ConversationMessage.created_at)
        .limit(limit)
        .execution_options(all_tenants=True)
    )
    return [(mid, tid) for mid, tid in await session.execute(statement)]


async def wake_reply_sender(session: AsyncSession) -> None:
    """Wake the reply job when this transaction commits: it queued a reply (`pending`)."""
    await wakeups.notify(session, REPLIES_CHANNEL)


async def replies_next_due(session: AsyncSession, stale_after: timedelta) -> datetime | None:
    """When the earliest reply `replies_due` does not take yet comes due, any tenant's: a
    pending one left for a later try (a rate limit, a container being prepared) is due now, one
    left `sending` once its worker is presumed dead (`stale_after`); None when none waits."""
    statement = (
        select(
            func.min(
                case(
                    (ConversationMessage.state == "pending", ConversationMessage.created_at),
                    else_=ConversationMessage.sending_started_at + stale_after,
                )
            )
        )
        .where(ConversationMessage.state.in_(("pending", "sending")))
        .execution_options(all_tenants=True)
    )
    return cast(datetime | None, (await session.execute(statement)).scalar_one())


async def claim_reply(session: AsyncSession, message_id: uuid.UUID) -> ConversationMessage | None:
    statement = (
        select(ConversationMessage)
        .where(
            ConversationMessage.id == message_id,
            ConversationMessage.state.in_(("pending", "sending")),
        )
        .with_for_update(skip_locked=True)
    )
    return (await session.execute(statement)).scalar_one_or_none()


def _mentions(author_id: str) -> Any:
    """Stored events naming `author_id` as the citizen, in each platform's shape."""
    shapes = [
        {"source": {"userId": author_id}},  # LINE
        {"value": {"from": {"id": author_id}}},  # Meta comments
        {"messaging": {"sender": {"id": author_id}}},  # Messenger, Instagram DMs
        {"messaging": {"recipient": {"id": author_id}}},  # their echoes
        {"tweet": {"author_id": author_id}},  # X mentions (polled)
        {"notification": {"account": {"id": author_id}}},  # Mastodon mentions (polled)
        {"value": {"username": author_id}},  # Threads replies
    ]
    return or_(*(InboxEvent.payload.contains(shape) for shape in shapes))


async def erase_author(
    session: AsyncSession, channel_id: uuid.UUID, author_id: str
) -> tuple[int, int]:
    """Delete a citizen's messages and stored events on a channel; keep their threads with the
    name gone and the id replaced. (threads, messages deleted)."""
    threads = list(
        (
            await session.execute(
                select(Conversation)
                .where(Conversation.channel_id == channel_id, Conversation.author_id == author_id)
                .with_for_update()
            )
        ).scalars()
    )
    ids = [t.id for t in threads]
    deleted = 0
    if ids:
        result = await session.execute(
            delete(ConversationMessage).where(ConversationMessage.conversation_id.in_(ids))
        )
        deleted = int(result.rowcount or 0)  # type: ignore[attr-defined]
    await session.execute(
        delete(InboxEvent).where(InboxEvent.channel_id == channel_id, _mentions(author_id))
    )
    for thread in threads:
        thread.author_name = None
        thread.author_id = f"erased:{uuid.uuid4().hex}"
    return len(threads), deleted


PURGE = """
WITH kept AS (
    SELECT t.id AS tenant_id,
           now() - make_interval(days => COALESCE(s.retention_days, :default_days)) AS cutoff
    FROM (SELECT DISTINCT tenant_id AS id FROM {table}) t
    LEFT JOIN inbox_settings s ON s.tenant_id = t.id
)
DELETE FROM {table} x USING kept
WHERE x.tenant_id = kept.tenant_id AND x.{column} < kept.cutoff {extra}
"""


async def purge_expired(session: AsyncSession, default_days: int) -> int:
    """Delete, in every town, messages and stored events older than its retention (the jobs
    role sees all towns); threads stay for the counts. How many rows went."""
    gone = 0
    for table, column, extra in (
        ("conversation_messages", "sent_at", "AND x.state IS DISTINCT FROM 'pending'"),
        ("inbox_events", "received_at", "AND x.state <> 'pending'"),
    ):
        statement = text(PURGE.format(table=table, column=column, extra=extra))
        result = await session.execute(statement, {"default_days": default_days})
        gone += int(result.rowcount or 0)  # type: ignore[attr-defined]
    return gone


async def rules(session: AsyncSession) -> list[InboxRule]:
    statement = select(InboxRule).order_by(InboxRule.position, InboxRule.created_at)
    return list((await session.execute(statement)).scalars())


async def rule(session: AsyncSession, rule_id: uuid.UUID) -> InboxRule | None:
    return await session.get(InboxRule, rule_id)


async def templates(session: AsyncSession) -> list[InboxTemplate]:
    statement = select(InboxTemplate).order_by(InboxTemplate.title, InboxTemplate.created_at)
    return list((await session.execute(statement)).scalars())


async def template(
    session: AsyncSession, template_id: uuid.UUID, *, lock: bool = False
) -> InboxTemplate | None:
    statement = select(InboxTemplate).where(InboxTemplate.id == template_id)
    if lock:
        statement = statement.with_for_update()
    return (await session.execute(statement)).scalar_one_or_none()


def _polled_channels(*columns: Any) -> Select[Any]:
    """`columns` of any tenant's connected channels, beside their polling row (if read once)."""
    return (
        select(*columns)
        .select_from(Channel)
        .outerjoin(
            InboxPoll,
            (InboxPoll.channel_id == Channel.id) & (InboxPoll.tenant_id == Channel.tenant_id),
        )
        .where(Channel.status == "active", Channel.credentials.is_not(None))
        .execution_options(all_tenants=True)
    )


async def channels_to_poll(
    session: AsyncSession, platforms: Sequence[str], now: datetime, limit: int
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(channel id, tenant id) of any tenant's connected channels on `platforms` whose next read
    is due (or that were never read), the longest waiting first."""
    statement = (
        _polled_channels(Channel.id, Channel.tenant_id)
        .where(
            Channel.platform.in_(platforms),
            or_(InboxPoll.id.is_(None), InboxPoll.next_poll_at <= now),
        )
        .order_by(InboxPoll.next_poll_at.asc().nulls_first())
        .limit(limit)
    )
    return [(cid, tid) for cid, tid in await session.execute(statement)]


async def wake_poller(session: AsyncSession, platform: str) -> None:
    """Wake the `inbox-poll` job at commit when a channel of a polled platform was connected or
    made active again: its first read is due now."""
    if platform in POLLED_PLATFORMS:
        await wakeups.notify(session, POLLS_CHANNEL)


async def next_poll_at(session: AsyncSession, platforms: Sequence[str]) -> datetime | None:
    """When the next read of any tenant's connected channel on `platforms` is due (one never read:
    the epoch, due now); None when there is no such channel."""
    earliest = func.min(func.coalesce(InboxPoll.next_poll_at, EPOCH))
    statement = _polled_channels(earliest).where(Channel.platform.in_(platforms))
    due: datetime | None = await session.scalar(statement)
    return due


async def poll_of(
    session: AsyncSession, channel_id: uuid.UUID, tenant_id: uuid.UUID, now: datetime
) -> InboxPoll:
    """The channel's polling row, made on its first read, locked."""
    await session.execute(
        insert(InboxPoll)
        .values(id=uuid.uuid4(), tenant_id=tenant_id, channel_id=channel_id, next_poll_at=now)
        .on_conflict_do_nothing(index_elements=["tenant_id", "channel_id"])
    )
    statement = select(InboxPoll).where(InboxPoll.channel_id == channel_id).with_for_update()
    return (await session.execute(statement)).scalar_one()


async def unconfirmed_replies(
    session: AsyncSession, lookups: Sequence[tuple[str, str]], limit: int
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(message id, tenant id) of any tenant's replies whose outcome is unknown and whose
    (platform, via) the platform lets us look up, oldest first."""
    statement = (
        select(ConversationMessage.id, ConversationMessage.tenant_id)
        .join(Conversation, Conversation.id == ConversationMessage.conversation_id)
        .where(
            ConversationMessage.state == "unconfirmed",
            tuple_(Conversation.platform, ConversationMessage.via).in_(list(lookups)),
        )
        .order_by(ConversationMessage.created_at)
        .limit(limit)
        .execution_options(all_tenants=True)
    )
    return [(mid, tid) for mid, tid in await session.execute(statement)]


async def groups(session: AsyncSession) -> list[InboxGroup]:
    statement = select(InboxGroup).order_by(InboxGroup.name)
    return list((await session.execute(statement)).scalars())


async def group(
    session: AsyncSession, group_id: uuid.UUID, *, lock: bool = False
) -> InboxGroup | None:
    statement = select(InboxGroup).where(InboxGroup.id == group_id)
    if lock:
        statement = statement.with_for_update()
    return (await session.execute(statement)).scalar_one_or_none()


async def member_of(session: AsyncSession, group_id: uuid.UUID, user: str) -> bool:
    statement = select(InboxGroup.id).where(
        InboxGroup.id == group_id, InboxGroup.members.contains([user])
    )
    return (await session.execute(statement)).first() is not None


async def forget_group(session: AsyncSession, group_id: uuid.UUID) -> None:
    """Drop the rules that name a group and take its conversations out of it."""
    await session.execute(delete(InboxRule).where(InboxRule.group_id == group_id))
    await session.execute(
        update(Conversation).where(Conversation.group_id == group_id).values(group_id=None)
    )


async def holds_awaiting(session: AsyncSession, conversation_id: uuid.UUID) -> bool:
    """Whether the conversation holds a reply waiting for an editor."""
    statement = select(ConversationMessage.id).where(
        ConversationMessage.conversation_id == conversation_id,
        ConversationMessage.state == AWAITING,
    )
    return (await session.execute(statement.limit(1))).first() is not None


async def awaiting_count(session: AsyncSession) -> int:
    statement = select(func.count()).where(ConversationMessage.state == AWAITING)
    return int((await session.execute(statement)).scalar_one())


async def reply_of(
    session: AsyncSession, conversation_id: uuid.UUID, message_id: uuid.UUID
) -> ConversationMessage | None:
    """A staff reply of the conversation, locked."""
    statement = (
        select(ConversationMessage)
        .where(
            ConversationMessage.id == message_id,
            ConversationMessage.conversation_id == conversation_id,
            ConversationMessage.direction == "out",
        )
        .with_for_update()
    )
    return (await session.execute(statement)).scalar_one_or_none()
