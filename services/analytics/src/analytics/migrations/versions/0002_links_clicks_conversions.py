"""Tenant settings, links and their directory, clicks, orphan visits, visitor salts,
conversions, webhook dedupe, rollups, deliveries and insight snapshots.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

from kit.settings import jobs_role
from kit.tenancy import rls_statements

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TENANT_TABLES = [
    "tenant_settings",
    "links",
    "clicks",
    "conversions",
    "conversion_lines",
    "webhook_events",
    "rollups",
    "rollup_dirty",
    "deliveries",
    "insight_snapshots",
]


def _uuid(name: str, **kw: object) -> sa.Column[Any]:
    return sa.Column(name, UUID(as_uuid=True), **kw)  # type: ignore[arg-type]


def _timestamps() -> list[sa.Column[Any]]:
    return [
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
    ]


def _dimensions() -> list[sa.Column[Any]]:
    return [
        _uuid("post_id"),
        _uuid("channel_id"),
        sa.Column("platform", sa.String),
        _uuid("product_id"),
        _uuid("producer_id"),
        _uuid("place_id"),
        _uuid("campaign_id"),
    ]


def upgrade() -> None:
    op.create_table(
        "tenant_settings",
        _uuid("tenant_id", primary_key=True),
        sa.Column("slug", sa.String),
        sa.Column("timezone", sa.String, nullable=False),
        sa.Column("population", sa.Integer),
        sa.Column("allowed_store_domains", JSONB, nullable=False),
        sa.Column("tracking_enabled", sa.Boolean, nullable=False),
        sa.Column("track_referrer", sa.Boolean, nullable=False),
        sa.Column("track_user_agent", sa.Boolean, nullable=False),
        sa.Column("attribution_window_days", sa.Integer, nullable=False),
        sa.Column("shopify_secret", sa.Text),
        sa.Column("woocommerce_secret", sa.Text),
        sa.Column("postback_secret", sa.Text),
        *_timestamps(),
    )
    op.create_table(
        "links",
        _uuid("id", primary_key=True),
        _uuid("tenant_id", nullable=False, index=True),
        sa.Column("code", sa.String(64), nullable=False, unique=True),
        sa.Column("destination", sa.Text, nullable=False),
        sa.Column("utm", JSONB, nullable=False),
        _uuid("delivery_id"),
        *_dimensions(),
        sa.Column("coupon_code", sa.String(64), index=True),
        sa.Column("expires_at", sa.DateTime(timezone=True)),
        *_timestamps(),
    )
    op.create_table(
        "link_directory",
        sa.Column("code", sa.String(64), primary_key=True),
        _uuid("tenant_id", nullable=False),
        _uuid("link_id", nullable=False),
        sa.Column("destination", sa.Text, nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True)),
        sa.Column("dimensions", JSONB, nullable=False),
    )
    op.create_table(
        "clicks",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        _uuid("tenant_id", nullable=False),
        sa.Column("click_id", sa.String(32), nullable=False, unique=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        _uuid("link_id", nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        *_dimensions(),
        sa.Column("referrer_domain", sa.String),
        sa.Column("device", sa.String),
        sa.Column("os", sa.String),
        sa.Column("browser", sa.String),
        sa.Column("country", sa.String(2)),
        sa.Column("language", sa.String(16)),
        sa.Column("visitor_hash", sa.String(32)),
        sa.Column("is_bot", sa.Boolean, nullable=False),
        sa.Column("bot_reason", sa.String),
    )
    op.create_index("ix_clicks_tenant_time", "clicks", ["tenant_id", "occurred_at"])
    op.create_table(
        "orphan_visits",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("referrer_domain", sa.String),
        sa.Column("is_bot", sa.Boolean, nullable=False),
    )
    op.create_table(
        "visitor_salts",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("salt", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "conversions",
        _uuid("id", primary_key=True),
        _uuid("tenant_id", nullable=False, index=True),
        sa.Column("store", sa.String(32), nullable=False),
        sa.Column("order_id", sa.String(128), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("click_id", sa.String(32)),
        _uuid("link_id"),
        sa.Column("code", sa.String(64)),
        _uuid("post_id"),
        _uuid("channel_id"),
        sa.Column("platform", sa.String),
        _uuid("campaign_id"),
        *_timestamps(),
        sa.UniqueConstraint("tenant_id", "store", "order_id", name="uq_conversions_order"),
    )
    op.create_index("ix_conversions_tenant_time", "conversions", ["tenant_id", "occurred_at"])
    op.create_table(
        "conversion_lines",
        _uuid("id", primary_key=True),
        _uuid("tenant_id", nullable=False, index=True),
        _uuid("conversion_id", nullable=False, index=True),
        sa.Column("external_id", sa.String(128)),
        _uuid("product_id"),
        _uuid("producer_id"),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("refunded", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "webhook_events",
        sa.Column("source", sa.String(32), primary_key=True),
        sa.Column("event_id", sa.String(128), primary_key=True),
        _uuid("tenant_id", primary_key=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "rollups",
        _uuid("tenant_id", primary_key=True),
        sa.Column("grain", sa.String(4), primary_key=True),
        sa.Column("bucket", sa.DateTime(timezone=True), primary_key=True),
        sa.Column("dim", sa.String(16), primary_key=True),
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("clicks", sa.BigInteger, nullable=False),
        sa.Column("bot_clicks", sa.BigInteger, nullable=False),
        sa.Column("visitors", sa.BigInteger, nullable=False),
        sa.Column("orders", sa.BigInteger, nullable=False),
        sa.Column("revenue", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_rollups_dim", "rollups", ["tenant_id", "grain", "dim", "bucket"])
    op.create_table(
        "rollup_dirty",
        _uuid("tenant_id", primary_key=True),
        sa.Column("hour", sa.DateTime(timezone=True), primary_key=True),
    )
    op.create_table(
        "deliveries",
        _uuid("delivery_id", primary_key=True),
        _uuid("tenant_id", nullable=False, index=True),
        _uuid("post_id", nullable=False, index=True),
        _uuid("channel_id", nullable=False),
        sa.Column("platform", sa.String, nullable=False),
        sa.Column("platform_post_id", sa.String, nullable=False),
        sa.Column("permalink", sa.Text),
        sa.Column("link_code", sa.String),
        _uuid("product_id"),
        _uuid("producer_id"),
        _uuid("campaign_id"),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "insight_snapshots",
        _uuid("id", primary_key=True),
        _uuid("tenant_id", nullable=False),
        _uuid("channel_id", nullable=False),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("object_kind", sa.String(16), nullable=False),
        sa.Column("object_id", sa.String(128), nullable=False),
        sa.Column("metric", sa.String(64), nullable=False),
        sa.Column("value", sa.BigInteger, nullable=False),
        sa.Column("api_version", sa.String(32), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_insight_snapshots_metric", "insight_snapshots", ["tenant_id", "metric", "taken_at"]
    )
    for table in TENANT_TABLES:
        for statement in rls_statements(table, jobs_role=jobs_role("analytics")):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(
        [*TENANT_TABLES[:3], "link_directory", "orphan_visits", "visitor_salts", *TENANT_TABLES[3:]]
    ):
        op.drop_table(table)
