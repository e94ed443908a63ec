"""Analytics tables. Tenant tables are under row-level security; the three directory tables
(`link_directory`, `orphan_visits`, `visitor_salts`) are not, because the redirect resolves a
code before it knows the tenant."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Identity, LargeBinary, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from kit.db import Base as ModelBase
from kit.db import Timestamps, UUIDPrimaryKey, service_metadata
from kit.secrets import SEALED
from kit.tenancy import TenantScoped


class Base(ModelBase):
    __abstract__ = True
    metadata = service_metadata()


class ProductStats(TenantScoped, Timestamps, Base):
    """A published product, so reports list it from the start; counters come from rollups."""

    __tablename__ = "product_stats"

    product_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    producer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    slug: Mapped[str]
    name: Mapped[dict[str, Any]]
    # The first store listing: its city page link is made from it, now or when the town's store
    # domains arrive (see links.service.make_missing_city_page_links).
    store_url: Mapped[str | None] = mapped_column(default=None)
    clicks: Mapped[int] = mapped_column(BigInteger, default=0)
    orders: Mapped[int] = mapped_column(BigInteger, default=0)
    revenue: Mapped[int] = mapped_column(BigInteger, default=0)


class TenantSettings(TenantScoped, Timestamps, Base):
    """One row per tenant: allowed store domains, tracking switches, webhook secrets."""

    __tablename__ = "tenant_settings"

    tenant_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    slug: Mapped[str | None]
    timezone: Mapped[str] = mapped_column(default="UTC")
    population: Mapped[int | None]
    allowed_store_domains: Mapped[list[str]] = mapped_column(JSONB, default=list)
    tracking_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    track_referrer: Mapped[bool] = mapped_column(Boolean, default=True)
    track_user_agent: Mapped[bool] = mapped_column(Boolean, default=True)
    attribution_window_days: Mapped[int] = mapped_column(default=30)
    shopify_secret: Mapped[str | None] = mapped_column(Text, info=SEALED)  # Fernet token
    woocommerce_secret: Mapped[str | None] = mapped_column(Text, info=SEALED)
    postback_secret: Mapped[str | None] = mapped_column(Text, info=SEALED)


class Link(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A tracked link: `/r/{code}` -> destination with UTM tags and a click id."""

    __tablename__ = "links"

    code: Mapped[str] = mapped_column(String(64), unique=True)
    destination: Mapped[str] = mapped_column(Text)
    utm: Mapped[dict[str, Any]] = mapped_column(default=dict)
    delivery_id: Mapped[uuid.UUID | None]
    post_id: Mapped[uuid.UUID | None]
    channel_id: Mapped[uuid.UUID | None]
    platform: Mapped[str | None]
    product_id: Mapped[uuid.UUID | None]
    producer_id: Mapped[uuid.UUID | None]
    place_id: Mapped[uuid.UUID | None]
    campaign_id: Mapped[uuid.UUID | None]
    coupon_code: Mapped[str | None] = mapped_column(String(64), index=True)
    expires_at: Mapped[datetime | None]


class LinkDirectory(Base):
    """Code -> tenant and target, readable before the tenant is known (not tenant-scoped)."""

    __tablename__ = "link_directory"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    tenant_id: Mapped[uuid.UUID]
    link_id: Mapped[uuid.UUID]
    destination: Mapped[str] = mapped_column(Text)  # with the UTM tags already applied
    expires_at: Mapped[datetime | None]
    dimensions: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Click(TenantScoped, Base):
    """One visit of a tracked link; no raw IP, only a daily-salted visitor hash."""

    __tablename__ = "clicks"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    click_id: Mapped[str] = mapped_column(String(32), unique=True)
    occurred_at: Mapped[datetime]
    link_id: Mapped[uuid.UUID]
    code: Mapped[str] = mapped_column(String(64))
    post_id: Mapped[uuid.UUID | None]
    channel_id: Mapped[uuid.UUID | None]
    platform: Mapped[str | None]
    product_id: Mapped[uuid.UUID | None]
    producer_id: Mapped[uuid.UUID | None]
    place_id: Mapped[uuid.UUID | None]
    campaign_id: Mapped[uuid.UUID | None]
    referrer_domain: Mapped[str | None]
    device: Mapped[str | None]
    os: Mapped[str | None]
    browser: Mapped[str | None]
    country: Mapped[str | None] = mapped_column(String(2))
    language: Mapped[str | None] = mapped_column(String(16))
    visitor_hash: Mapped[str | None] = mapped_column(String(32))
    is_bot: Mapped[bool] = mapped_column(Boolean, default=False)
    bot_reason: Mapped[str | None]


class OrphanVisit(Base):
    """A visit to an unknown code (Shlink's orphan visits); no tenant is known."""

    __tablename__ = "orphan_visits"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    code: Mapped[str] = mapped_column(String(64))
    occurred_at: Mapped[datetime]
    referrer_domain: Mapped[str | None]
    is_bot: Mapped[bool] = mapped_column(Boolean, default=False)


class VisitorSalt(Base):
    """The day's random salt of visitor hashes; deleted after two days (Plausible's scheme)."""

    __tablename__ = "visitor_salts"

    day: Mapped[date] = mapped_column(primary_key=True)
    salt: Mapped[bytes] = mapped_column(LargeBinary)


class Conversion(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """One store order, attributed (or not) to a click, idempotent on (store, order_id)."""

    __tablename__ = "conversions"

    store: Mapped[str] = mapped_column(String(32))
    order_id: Mapped[str] = mapped_column(String(128))
    occurred_at: Mapped[datetime]
    currency: Mapped[str] = mapped_column(String(3))
    amount: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16), default="recorded")  # or "cancelled"
    method: Mapped[str] = mapped_column(String(16))  # click_id, coupon, none
    click_id: Mapped[str | None] = mapped_column(String(32))
    link_id: Mapped[uuid.UUID | None]
    code: Mapped[str | None] = mapped_column(String(64))
    post_id: Mapped[uuid.UUID | None]
    channel_id: Mapped[uuid.UUID | None]
    platform: Mapped[str | None]
    campaign_id: Mapped[uuid.UUID | None]


class ConversionLine(UUIDPrimaryKey, TenantScoped, Base):
    """A line item of a conversion, attributed to a product where the order says which."""

    __tablename__ = "conversion_lines"

    conversion_id: Mapped[uuid.UUID] = mapped_column(index=True)
    external_id: Mapped[str | None] = mapped_column(String(128))
    product_id: Mapped[uuid.UUID | None]
    producer_id: Mapped[uuid.UUID | None]
    quantity: Mapped[int]
    amount: Mapped[int] = mapped_column(BigInteger)
    refunded: Mapped[int] = mapped_column(BigInteger, default=0)


class WebhookEvent(TenantScoped, Base):
    """A store webhook already handled (Shopify event id, WooCommerce delivery id ...)."""

    __tablename__ = "webhook_events"

    source: Mapped[str] = mapped_column(String(32), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    tenant_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    received_at: Mapped[datetime]


class Rollup(TenantScoped, Base):
    """Counters per (grain, bucket, dimension, key); every report reads these."""

    __tablename__ = "rollups"

    tenant_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    grain: Mapped[str] = mapped_column(String(4), primary_key=True)  # hour, day
    bucket: Mapped[datetime] = mapped_column(primary_key=True)
    dim: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    clicks: Mapped[int] = mapped_column(BigInteger)
    bot_clicks: Mapped[int] = mapped_column(BigInteger)
    visitors: Mapped[int] = mapped_column(BigInteger)
    orders: Mapped[int] = mapped_column(BigInteger)
    revenue: Mapped[int] = mapped_column(BigInteger)


class RollupDirty(TenantScoped, Base):
    """An hour whose rollups must be recomputed (new, late or reversed events).

    One row per write that marked it, not one per hour: a key of (tenant, hour) made each
    write wait for any open transaction holding the same mark (the rollup job's claim, the
    first write of the hour). The job claims all of a tenant's rows and recomputes each hour
    once."""

    __tablename__ = "rollup_dirty"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, server_default=func.gen_random_uuid())
    hour: Mapped[datetime]


class Delivery(TenantScoped, Base):
    """A published delivery (post on one channel), from `publisher.delivery.published.v1`."""

    __tablename__ = "deliveries"

    delivery_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    post_id: Mapped[uuid.UUID] = mapped_column(index=True)
    channel_id: Mapped[uuid.UUID]
    platform: Mapped[str]
    platform_post_id: Mapped[str]
    permalink: Mapped[str | None] = mapped_column(Text)
    link_code: Mapped[str | None]
    product_id: Mapped[uuid.UUID | None]
    producer_id: Mapped[uuid.UUID | None]
    campaign_id: Mapped[uuid.UUID | None]
    published_at: Mapped[datetime]


class InsightSnapshot(UUIDPrimaryKey, TenantScoped, Base):
    """A platform metric as read at `taken_at`, tagged with its name and API version."""

    __tablename__ = "insight_snapshots"

    channel_id: Mapped[uuid.UUID]
    platform: Mapped[str] = mapped_column(String(16))
    # The channel's owner when read (town, shop, staff): staff accounts' followers are not the
    # town's fans, so the overview counts them apart.
    owner_kind: Mapped[str] = mapped_column(String(10), default="town", server_default="town")
    object_kind: Mapped[str] = mapped_column(String(16))  # account, post
    object_id: Mapped[str] = mapped_column(String(128))
    metric: Mapped[str] = mapped_column(String(64))
    value: Mapped[int] = mapped_column(BigInteger)
    api_version: Mapped[str] = mapped_column(String(32))
    taken_at: Mapped[datetime]


class ConversationTimes(TenantScoped, Base):
    """One inbox conversation's milestones, from `publisher.conversation.*.v1` (no citizen's
    name or words): the response-time report reads only this table (analytics.conversations).

    Events come in any order and may repeat, so every column keeps the earliest or latest of
    what it was sent, never the last one to arrive."""

    __tablename__ = "conversation_times"

    conversation_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    channel_id: Mapped[uuid.UUID]
    platform: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(10))
    opened_at: Mapped[datetime | None]  # the citizen's first words
    first_reply_at: Mapped[datetime | None]  # the first staff reply to reach the platform
    first_reply_by: Mapped[str | None] = mapped_column(String(200))
    closed_at: Mapped[datetime | None]  # the latest close
    reopened_at: Mapped[datetime | None]  # the latest reopening; after `closed_at`: open
    assignee: Mapped[str | None] = mapped_column(String(200))  # as of `assigned_at`
    group_id: Mapped[uuid.UUID | None]
    assigned_at: Mapped[datetime | None]  # the latest assignment (or unassignment)
