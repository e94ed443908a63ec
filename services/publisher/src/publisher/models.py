"""Publisher tables, tenant-scoped under row-level security (except the shared rate buckets)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    DateTime,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from kit.db import Base as ModelBase
from kit.db import Timestamps, UUIDPrimaryKey, service_metadata
from kit.export import SECRET
from kit.secrets import SEALED
from kit.tenancy import TenantScoped


class Base(ModelBase):
    __abstract__ = True
    metadata = service_metadata()
    # UPDATEs return the database's new `updated_at` (RETURNING): a changed row answers with
    # its fresh version (`updated_at`, the ETag) without another read.
    __mapper_args__ = {"eager_defaults": True}


class TenantSettings(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """Per-tenant publisher preferences (one row per tenant, created on first use)."""

    __tablename__ = "tenant_settings"
    __table_args__ = (UniqueConstraint("tenant_id"),)

    timezone: Mapped[str] = mapped_column(String(64))
    auto_draft_on_publish: Mapped[bool] = mapped_column(Boolean, default=True)
    default_language: Mapped[str] = mapped_column(String(8), default="ja")


class Product(TenantScoped, Timestamps, Base):
    """Read model of catalog products, filled from catalog events; templates read it."""

    __tablename__ = "products"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    producer_id: Mapped[uuid.UUID]
    slug: Mapped[str] = mapped_column(String(200))
    name: Mapped[dict[str, Any]]
    producer_name: Mapped[dict[str, Any]]
    # The product's description, else its producer's story, per language (the `{story}` field).
    story: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prices: Mapped[list[Any]] = mapped_column(JSONB, default=list)
    storefront_urls: Mapped[list[Any]] = mapped_column(JSONB, default=list)
    media_urls: Mapped[list[Any]] = mapped_column(JSONB, default=list)
    # Each picture: {media_id, urls: {rendition: url}, alt: {language: text}} (catalog events).
    media: Mapped[list[Any]] = mapped_column(JSONB, default=list)
    status: Mapped[str] = mapped_column(String(16), default="published")
    # What campaign rules choose by (catalog events): category slug, season months (empty: all
    # year), sale window, and each variant's stock (variant id -> units; None: not counted).
    category: Mapped[str | None] = mapped_column(String(120))
    season_months: Mapped[list[Any]] = mapped_column(JSONB, default=list)
    available_from: Mapped[datetime | None]
    available_until: Mapped[datetime | None]
    stock: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Channel(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A social account the town (a shop page, or one staff member) publishes to."""

    __tablename__ = "channels"

    platform: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    owner_kind: Mapped[str] = mapped_column(String(10))  # town, shop, staff
    owner_user: Mapped[str | None] = mapped_column(String(200))
    external_id: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="active")
    approval_policy: Mapped[str] = mapped_column(String(10), default="editor")
    credentials: Mapped[bytes | None] = mapped_column(LargeBinary, info=SEALED)  # Fernet
    token_expires_at: Mapped[datetime | None]
    scopes: Mapped[list[Any]] = mapped_column(JSONB, default=list)
    config: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status_reason: Mapped[str | None] = mapped_column(Text)


class Campaign(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """Products introduced one at a time on a set of channels, from one template.

    Its posts are made one step at a time, shortly before they are due (`scheduling.campaigns`),
    so each step picks from the products as they are then.
    """

    __tablename__ = "campaigns"

    name: Mapped[str] = mapped_column(String(200))
    product_ids: Mapped[list[Any]] = mapped_column(JSONB)  # empty: chosen by `rules`
    channel_ids: Mapped[list[Any]] = mapped_column(JSONB)
    template: Mapped[str] = mapped_column(Text)
    template_id: Mapped[uuid.UUID | None]
    cadence: Mapped[dict[str, Any]]
    timezone: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8))
    created_by: Mapped[str] = mapped_column(String(200))
    rules: Mapped[dict[str, Any]] = mapped_column(default=dict)
    steps: Mapped[int] = mapped_column(Integer)  # how many posts it makes in all
    placement: Mapped[str] = mapped_column(String(10), default="cadence")  # cadence, slots
    approval: Mapped[str] = mapped_column(String(10), default="campaign")  # campaign, post
    catch_up: Mapped[bool] = mapped_column(Boolean, default=False)
    # draft -> submitted -> running <-> paused; any -> cancelled. `finished`: a campaign made
    # before migration 0009, whose posts were all drafted at once.
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    approved_by: Mapped[str | None] = mapped_column(String(200))
    # The plan's features and limits of whoever set it going, for the posts it makes later.
    grants: Mapped[dict[str, Any]] = mapped_column(default=dict)
    made: Mapped[int] = mapped_column(Integer, default=0)  # posts made and not withdrawn
    # Each channel's last placed time (ISO), or "*" for a cadence: the next step comes after.
    placed: Mapped[dict[str, Any]] = mapped_column(default=dict)
    not_before: Mapped[datetime | None]  # set on resume: steps missed while paused are skipped
    # Products passed over, with why: [{product_id, reason, at}] (the API shows them).
    skipped: Mapped[list[Any]] = mapped_column(JSONB, default=list)
    # Everyone who changed what it posts after it was made: none of them approves it.
    editors: Mapped[list[Any]] = mapped_column(JSONB, default=list)


class Post(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """Something the town says; `status` is the workflow state, then derived from deliveries."""

    __tablename__ = "posts"
    __table_args__ = (UniqueConstraint("tenant_id", "source_event_id"),)

    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    product_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    # The event a draft was made from: a second, different event id can never double it.
    source_event_id: Mapped[uuid.UUID | None]
    place_id: Mapped[uuid.UUID | None]
    url: Mapped[str | None] = mapped_column(Text)
    media: Mapped[list[Any]] = mapped_column(JSONB, default=list)
    # The writer's photo rendition per platform, replacing the platform's own choice.
    renditions: Mapped[dict[str, Any]] = mapped_column(default=dict)
    channel_ids: Mapped[list[Any]] = mapped_column(JSONB, default=list)
    variants: Mapped[dict[str, Any]] = mapped_column(default=dict)
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    planned_at: Mapped[datetime | None]
    # A campaign's post placed on each channel's own slots: channel id -> ISO time.
    planned_times: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_by: Mapped[str | None] = mapped_column(String(200))
    # Everyone who changed the content after it was drafted: none of them approves it.
    editors: Mapped[list[Any]] = mapped_column(JSONB, default=list)
    review_comment: Mapped[str | None] = mapped_column(Text)
    # LINE broadcasts: channel id -> the messages it will use, checked on submit
    estimates: Mapped[dict[str, Any]] = mapped_column(default=dict)


class PostTransition(UUIDPrimaryKey, TenantScoped, Base):
    """One workflow step of a post: who moved it, from where to where, when."""

    __tablename__ = "post_transitions"

    post_id: Mapped[uuid.UUID] = mapped_column(index=True)
    from_status: Mapped[str] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Delivery(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """One post on one channel: the unit of work of the dispatcher."""

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("post_id", "channel_id"),)

    post_id: Mapped[uuid.UUID] = mapped_column(index=True)
    channel_id: Mapped[uuid.UUID] = mapped_column(index=True)
    platform: Mapped[str] = mapped_column(String(20))
    # scheduled, publishing, committing, published, failed, unconfirmed, cancelled, skipped
    # (skipped: its product was archived or sold out at send time; `error_message` says so)
    state: Mapped[str] = mapped_column(String(16), default="scheduled")
    due_at: Mapped[datetime]
    next_attempt_at: Mapped[datetime | None]
    lease_until: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    link_code: Mapped[str | None] = mapped_column(String(32), unique=True)
    short_url: Mapped[str | None] = mapped_column(Text)
    link_ready: Mapped[bool] = mapped_column(Boolean, default=True)
    idempotency_key: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4)
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    prepared: Mapped[dict[str, Any]] = mapped_column(default=dict)
    commit_started_at: Mapped[datetime | None]
    platform_post_id: Mapped[str | None] = mapped_column(String(200))
    permalink: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None]
    error_category: Mapped[str | None] = mapped_column(String(16))
    error_message: Mapped[str | None] = mapped_column(Text)
    product_id: Mapped[uuid.UUID | None]
    producer_id: Mapped[uuid.UUID | None]
    campaign_id: Mapped[uuid.UUID | None]
    estimated_messages: Mapped[int | None]  # LINE: recipients the broadcast counts against


class DeliveryAttempt(UUIDPrimaryKey, TenantScoped, Base):
    """One call to a platform for a delivery, whatever its outcome."""

    __tablename__ = "delivery_attempts"

    delivery_id: Mapped[uuid.UUID] = mapped_column(index=True)
    phase: Mapped[str] = mapped_column(String(10))  # refresh, prepare, commit, confirm, reconcile
    outcome: Mapped[str] = mapped_column(String(16))  # ok, retry, reauth, permanent, quota, unknown
    http_status: Mapped[int | None]
    code: Mapped[str | None] = mapped_column(String(40))
    subcode: Mapped[str | None] = mapped_column(String(40))
    message: Mapped[str | None] = mapped_column(Text)
    duration_ms: Mapped[int] = mapped_column(Integer)
    rate_limit: Mapped[dict[str, Any]] = mapped_column(default=dict)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Slot(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A weekly queue slot of a channel, in the tenant's local time."""

    __tablename__ = "slots"
    __table_args__ = (UniqueConstraint("channel_id", "weekday", "local_time"),)

    channel_id: Mapped[uuid.UUID] = mapped_column(index=True)
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday
    local_time: Mapped[str] = mapped_column(String(5))  # HH:MM


class OAuthState(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A connect flow in progress: state, PKCE verifier (sealed), then the pages to pick from."""

    __tablename__ = "oauth_states"

    platform: Mapped[str] = mapped_column(String(20))
    state_hash: Mapped[str] = mapped_column(String(64), unique=True, info=SECRET)
    sealed: Mapped[bytes] = mapped_column(LargeBinary, info=SEALED)
    created_by: Mapped[str] = mapped_column(String(200))
    owner_kind: Mapped[str] = mapped_column(String(10))
    approval_policy: Mapped[str] = mapped_column(String(10))
    expires_at: Mapped[datetime]
    stage: Mapped[str] = mapped_column(String(16), default="authorize")  # authorize, select, done
    choices: Mapped[list[Any]] = mapped_column(JSONB, default=list)  # pages: id and name, no token


class SandboxPost(UUIDPrimaryKey, TenantScoped, Base):
    """The sandbox platform's feed: a post published inside Machi (the demo works offline)."""

    __tablename__ = "sandbox_posts"

    delivery_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    channel_id: Mapped[uuid.UUID] = mapped_column(index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class MastodonApp(Base):
    """Machi's app registration on one Mastodon instance, shared by every channel there.

    Not a tenant table: one registration serves every town with accounts on the instance.
    """

    __tablename__ = "mastodon_apps"

    instance_url: Mapped[str] = mapped_column(String(300), primary_key=True)
    client_id: Mapped[str] = mapped_column(String(300))
    client_secret: Mapped[bytes] = mapped_column(LargeBinary, info=SEALED)
    redirect_uri: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class RateBucket(Base):
    """Shared rate-limit state of one app or account on one platform (all workers, all tenants).

    Not a tenant table: app-level limits are shared by every town on one Meta/X app.
    """

    __tablename__ = "rate_buckets"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    blocked_until: Mapped[datetime | None]
    usage: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[datetime]
