"""Channels, workflow, deliveries and attempts, campaigns, slots, OAuth, products, rate buckets.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

from kit.settings import jobs_role
from kit.tenancy import rls_statements

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def _id() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("id", UUID(as_uuid=True), primary_key=True)


def _tenant() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("tenant_id", UUID(as_uuid=True), nullable=False, index=True)


def _stamps() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("created_at", TS, server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", TS, server_default=sa.func.now(), nullable=False),
    ]


def _json(name: str, default: str = "'{}'") -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, JSONB, nullable=False, server_default=sa.text(default))


TENANT_TABLES = [
    "tenant_settings",
    "products",
    "channels",
    "campaigns",
    "post_transitions",
    "deliveries",
    "delivery_attempts",
    "slots",
    "oauth_states",
    "sandbox_posts",
]


def upgrade() -> None:
    op.create_table(
        "tenant_settings",
        _id(),
        _tenant(),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("auto_draft_on_publish", sa.Boolean, nullable=False),
        sa.Column("default_language", sa.String(8), nullable=False),
        *_stamps(),
        sa.UniqueConstraint("tenant_id", name="uq_tenant_settings_tenant_id"),
    )
    op.create_table(
        "products",
        _id(),
        _tenant(),
        sa.Column("producer_id", UUID(as_uuid=True), nullable=False),
        sa.Column("slug", sa.String(200), nullable=False),
        _json("name"),
        _json("producer_name"),
        _json("prices", "'[]'"),
        _json("storefront_urls", "'[]'"),
        _json("media_urls", "'[]'"),
        sa.Column("status", sa.String(16), nullable=False),
        *_stamps(),
    )
    op.create_table(
        "channels",
        _id(),
        _tenant(),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("owner_kind", sa.String(10), nullable=False),
        sa.Column("owner_user", sa.String(200)),
        sa.Column("external_id", sa.String(200)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("approval_policy", sa.String(10), nullable=False),
        sa.Column("credentials", sa.LargeBinary),
        sa.Column("token_expires_at", TS),
        _json("scopes", "'[]'"),
        _json("config"),
        sa.Column("status_reason", sa.Text),
        *_stamps(),
    )
    op.create_table(
        "campaigns",
        _id(),
        _tenant(),
        sa.Column("name", sa.String(200), nullable=False),
        _json("product_ids", "'[]'"),
        _json("channel_ids", "'[]'"),
        sa.Column("template", sa.Text, nullable=False),
        _json("cadence"),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        *_stamps(),
    )
    op.add_column("posts", sa.Column("place_id", UUID(as_uuid=True)))
    op.add_column("posts", sa.Column("url", sa.Text))
    op.add_column("posts", _json("media", "'[]'"))
    op.add_column("posts", _json("channel_ids", "'[]'"))
    op.add_column("posts", _json("variants"))
    op.add_column("posts", sa.Column("campaign_id", UUID(as_uuid=True), index=True))
    op.add_column("posts", sa.Column("planned_at", TS))
    op.add_column("posts", sa.Column("created_by", sa.String(200)))
    op.add_column("posts", sa.Column("review_comment", sa.Text))
    op.create_table(
        "post_transitions",
        _id(),
        _tenant(),
        sa.Column("post_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("from_status", sa.String(16), nullable=False),
        sa.Column("to_status", sa.String(16), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("comment", sa.Text),
        sa.Column("at", TS, nullable=False),
    )
    op.create_table(
        "deliveries",
        _id(),
        _tenant(),
        sa.Column("post_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("channel_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("due_at", TS, nullable=False),
        sa.Column("next_attempt_at", TS),
        sa.Column("lease_until", TS),
        sa.Column("claimed_by", sa.String(100)),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("link_code", sa.String(32), unique=True),
        sa.Column("short_url", sa.Text),
        sa.Column("link_ready", sa.Boolean, nullable=False),
        sa.Column("idempotency_key", UUID(as_uuid=True), nullable=False),
        sa.Column("fingerprint", sa.String(64)),
        _json("prepared"),
        sa.Column("commit_started_at", TS),
        sa.Column("platform_post_id", sa.String(200)),
        sa.Column("permalink", sa.Text),
        sa.Column("published_at", TS),
        sa.Column("error_category", sa.String(16)),
        sa.Column("error_message", sa.Text),
        sa.Column("product_id", UUID(as_uuid=True)),
        sa.Column("producer_id", UUID(as_uuid=True)),
        sa.Column("campaign_id", UUID(as_uuid=True)),
        *_stamps(),
        sa.UniqueConstraint("post_id", "channel_id", name="uq_deliveries_post_id"),
    )
    # The dispatcher's claim: due work in due order, only among claimable states.
    op.create_index(
        "ix_deliveries_due",
        "deliveries",
        ["due_at"],
        postgresql_where=sa.text("state IN ('scheduled', 'committing', 'unconfirmed')"),
    )
    op.create_table(
        "delivery_attempts",
        _id(),
        _tenant(),
        sa.Column("delivery_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("phase", sa.String(10), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("http_status", sa.Integer),
        sa.Column("code", sa.String(40)),
        sa.Column("subcode", sa.String(40)),
        sa.Column("message", sa.Text),
        sa.Column("duration_ms", sa.Integer, nullable=False),
        _json("rate_limit"),
        sa.Column("at", TS, nullable=False),
    )
    op.create_table(
        "slots",
        _id(),
        _tenant(),
        sa.Column("channel_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("weekday", sa.Integer, nullable=False),
        sa.Column("local_time", sa.String(5), nullable=False),
        *_stamps(),
        sa.UniqueConstraint("channel_id", "weekday", "local_time", name="uq_slots_channel_id"),
    )
    op.create_table(
        "oauth_states",
        _id(),
        _tenant(),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("state_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("sealed", sa.LargeBinary, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("owner_kind", sa.String(10), nullable=False),
        sa.Column("approval_policy", sa.String(10), nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.Column("stage", sa.String(16), nullable=False),
        _json("choices", "'[]'"),
        *_stamps(),
    )
    op.create_table(
        "sandbox_posts",
        _id(),
        _tenant(),
        sa.Column("delivery_id", UUID(as_uuid=True), nullable=False, unique=True),
        sa.Column("channel_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "rate_buckets",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("blocked_until", TS),
        _json("usage"),
        sa.Column("updated_at", TS, nullable=False),
    )
    for table in TENANT_TABLES:
        for statement in rls_statements(table, jobs_role=jobs_role("publisher")):
            op.execute(statement)


def downgrade() -> None:
    for table in ["rate_buckets", *reversed(TENANT_TABLES)]:
        op.drop_table(table)
    for column in (
        "review_comment",
        "created_by",
        "planned_at",
        "campaign_id",
        "variants",
        "channel_ids",
        "media",
        "url",
        "place_id",
    ):
        op.drop_column("posts", column)
