"""Inbox tables: raw platform events as received, conversations, their messages and notes,
and each town's webhook secrets. Citizens' names and words are personal data: tenant-scoped,
never logged, exported without the sealed secrets."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from kit.db import Timestamps, UUIDPrimaryKey
from kit.secrets import SEALED
from kit.tenancy import TenantScoped
from publisher.models import Base


class InboxSettings(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A town's Meta webhook secrets (one row per town), sealed like channel tokens."""

    __tablename__ = "inbox_settings"
    __table_args__ = (UniqueConstraint("tenant_id"),)

    # {"meta_app_secret": ..., "meta_verify_token": ...}; the app secret may be left to the
    # deployment's PUBLISHER_FACEBOOK_APP_SECRET.
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary, info=SEALED)
    # How long citizens' messages are kept (issue 16, Privacy; APPI asks for deletion once no
    # longer needed: reference/inbox-platforms.md section 11).
    retention_days: Mapped[int] = mapped_column(Integer, default=365)
    # A writer's or staff member's public reply (on a comment thread) waits for an editor.
    public_replies_need_approval: Mapped[bool] = mapped_column(default=False)


class InboxEvent(UUIDPrimaryKey, TenantScoped, Base):
    """One platform event as it arrived, signature checked; the worker turns it into messages.

    `dedup_key` is the platform's own id of the event (inbox.rules, DEDUP): a redelivery finds
    its row and adds nothing."""

    __tablename__ = "inbox_events"
    __table_args__ = (UniqueConstraint("tenant_id", "platform", "dedup_key"),)

    platform: Mapped[str] = mapped_column(String(20))  # meta, line
    channel_id: Mapped[uuid.UUID] = mapped_column(index=True)
    dedup_key: Mapped[str] = mapped_column(String(300))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB)
    # LINE's reply token travels beside the event, sealed: it can answer the citizen once.
    reply_token: Mapped[bytes | None] = mapped_column(LargeBinary, info=SEALED)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    state: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    handled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Conversation(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A thread: per (channel, post, author) for comments, per (channel, author) for messages."""

    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("tenant_id", "channel_id", "kind", "post_ref", "author_id"),)

    channel_id: Mapped[uuid.UUID] = mapped_column(index=True)
    platform: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(10))  # comment, message
    post_ref: Mapped[str] = mapped_column(String(200), default="")  # the post; '' for messages
    author_id: Mapped[str] = mapped_column(String(200))  # scoped per Page / account / provider
    author_name: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10), default="open")  # open, waiting, closed
    assignee: Mapped[str | None] = mapped_column(String(200), index=True)
    group_id: Mapped[uuid.UUID | None] = mapped_column(index=True)  # the team it was given to
    language: Mapped[str | None] = mapped_column(String(5))  # of the first words (inbox.rules)
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    tags: Mapped[list[Any]] = mapped_column(JSONB, default=list)
    last_message_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The platform's reply window for private messages (Messenger/Instagram 24 h), else None.
    window_closes_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ConversationMessage(UUIDPrimaryKey, TenantScoped, Base):
    """One message of a thread: a citizen's (`in`), the town's (`out`), or a staff note."""

    __tablename__ = "conversation_messages"
    __table_args__ = (UniqueConstraint("conversation_id", "platform_message_id"),)

    conversation_id: Mapped[uuid.UUID] = mapped_column(index=True)
    direction: Mapped[str] = mapped_column(String(5))  # in, out, note
    platform_message_id: Mapped[str | None] = mapped_column(String(300))
    parent_ref: Mapped[str | None] = mapped_column(String(300))  # the comment it answers
    text: Mapped[str] = mapped_column(Text, default="")
    attachments: Mapped[list[Any]] = mapped_column(JSONB, default=list)
    author_id: Mapped[str | None] = mapped_column(String(200))  # citizen id, or staff user id
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # the platform's time
    removed: Mapped[bool] = mapped_column(default=False)  # deleted or taken back on the platform
    # LINE: when the event's reply token stops working (inbox.rules, WINDOWS).
    reply_token_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    event_id: Mapped[uuid.UUID | None]  # the inbox_events row it came from
    # A staff reply (`out` from Machi): pending, sending, sent, failed or unconfirmed (the call
    # may have reached the platform; never sent again by itself), and how it goes out.
    state: Mapped[str | None] = mapped_column(String(20))
    via: Mapped[str | None] = mapped_column(String(10))  # comment, message, reply, push
    idempotency_key: Mapped[uuid.UUID | None]
    template_id: Mapped[uuid.UUID | None]  # the saved reply it was written from
    # A reply held for an editor (`awaiting_approval`), then approved (`pending`) or `rejected`.
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    review_comment: Mapped[str | None] = mapped_column(Text)
    sending_started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    error: Mapped[str | None] = mapped_column(Text)
    # Threads: the reply container, stored the moment the platform makes it (inbox.replies).
    container_id: Mapped[str | None] = mapped_column(String(100))
    # A citizen's comment hidden on the platform by staff (inbox.moderation), and who last
    # hid, unhid or deleted it.
    hidden: Mapped[bool] = mapped_column(default=False)
    moderated_by: Mapped[str | None] = mapped_column(String(200))
    moderated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class InboxRule(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A routing rule: a new conversation on `channel_id` (any when None) whose first words hold
    `keyword` and are in `language` (any when None) goes to `assignee` or, in turn, to a member
    of `group_id` (one of the two); the lowest `position` matching wins."""

    __tablename__ = "inbox_rules"

    position: Mapped[int] = mapped_column(Integer)
    channel_id: Mapped[uuid.UUID | None]
    keyword: Mapped[str | None] = mapped_column(String(100))
    language: Mapped[str | None] = mapped_column(String(5))
    assignee: Mapped[str | None] = mapped_column(String(200))
    group_id: Mapped[uuid.UUID | None]


class InboxTemplate(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A saved reply: a title for the staff and its body in some of ja, ko and en."""

    __tablename__ = "inbox_templates"

    title: Mapped[str] = mapped_column(String(200))
    bodies: Mapped[dict[str, str]] = mapped_column(JSONB)  # language -> text


class InboxPoll(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """Where a polled channel's mentions (X, Mastodon) were last read: the platform's newest id
    seen (`since_id` of the next read), and when the next read may go (paced per channel)."""

    __tablename__ = "inbox_polls"
    __table_args__ = (UniqueConstraint("tenant_id", "channel_id"),)

    channel_id: Mapped[uuid.UUID]
    cursor: Mapped[str | None] = mapped_column(String(100))
    next_poll_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    polled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    error: Mapped[str | None] = mapped_column(Text)


class InboxGroup(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A team of the town's staff ("tourism", "garbage collection") that conversations go to,
    each to the next member in turn (`turn`, advanced under the row's lock)."""

    __tablename__ = "inbox_groups"
    __table_args__ = (UniqueConstraint("tenant_id", "name"),)

    name: Mapped[str] = mapped_column(String(100))
    members: Mapped[list[str]] = mapped_column(JSONB, default=list)  # user ids, in turn order
    turn: Mapped[int] = mapped_column(Integer, default=0)
