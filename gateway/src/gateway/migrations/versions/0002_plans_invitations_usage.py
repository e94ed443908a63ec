"""Plans, tenant profile fields, invitations, login lockout, API key scopes, usage counts.

Control-plane tables like 0001's: read across tenants by the gateway, so no row-level security.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ALL_SCOPES = "'[\"*\"]'::jsonb"

# The plans a fresh deployment offers; the operator edits them through PUT /v1/plans/{name}.
PLANS = [
    {
        "name": "trial",
        "description": "Try the model with one office",
        "limits": {
            "active_products": 50,
            "channels": 3,
            "staff_users": 5,
            "posts_per_month": 100,
            "tracked_clicks_per_month": 10_000,
            "api_requests_per_minute": 120,
        },
        "features": [],
    },
    {
        "name": "town",
        "description": "A town of up to about 100,000 people",
        "limits": {
            "active_products": 1_000,
            "channels": 15,
            "staff_users": 50,
            "posts_per_month": 2_000,
            "tracked_clicks_per_month": 200_000,
            "api_requests_per_minute": 600,
        },
        "features": ["insights", "line_broadcast"],
    },
    {
        "name": "city",
        "description": "A city with many offices and staff accounts",
        "limits": {
            "active_products": 10_000,
            "channels": 100,
            "staff_users": 500,
            "posts_per_month": 20_000,
            "tracked_clicks_per_month": 5_000_000,
            "api_requests_per_minute": 3_000,
        },
        "features": ["insights", "line_broadcast", "storefront_sync"],
    },
]


def upgrade() -> None:
    plans = op.create_table(
        "plans",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("limits", JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
        sa.Column("features", JSONB, nullable=False, server_default=sa.text("'[]'::jsonb")),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
    )
    op.bulk_insert(plans, PLANS)
    op.execute(
        "INSERT INTO plans (name, description) SELECT DISTINCT plan, '' FROM tenants"
        " ON CONFLICT DO NOTHING"
    )
    op.create_foreign_key("fk_tenants_plan_plans", "tenants", "plans", ["plan"], ["name"])
    op.add_column("tenants", sa.Column("country", sa.String(2)))
    op.add_column(
        "tenants",
        sa.Column("locales", JSONB, nullable=False, server_default=sa.text("'[\"ja\"]'::jsonb")),
    )
    op.add_column(
        "tenants", sa.Column("fallback_locale", sa.String(16), nullable=False, server_default="ja")
    )
    op.add_column(
        "tenants", sa.Column("currency", sa.String(3), nullable=False, server_default="JPY")
    )
    op.add_column(
        "tenants",
        sa.Column(
            "allowed_store_domains", JSONB, nullable=False, server_default=sa.text("'[]'::jsonb")
        ),
    )
    op.add_column("tenants", sa.Column("primary_social_url", sa.Text))
    op.add_column("tenants", sa.Column("suspended_at", sa.DateTime(timezone=True)))

    op.add_column(
        "users", sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0")
    )
    op.add_column("users", sa.Column("locked_until", sa.DateTime(timezone=True)))
    op.add_column(
        "api_keys",
        sa.Column("scopes", JSONB, nullable=False, server_default=sa.text(ALL_SCOPES)),
    )

    op.create_table(
        "invitations",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column(
            "tenant_id",
            UUID(as_uuid=True),
            sa.ForeignKey("tenants.id", name="fk_invitations_tenant_id_tenants"),
            nullable=False,
        ),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("roles", JSONB, nullable=False, server_default=sa.text("'[]'::jsonb")),
        sa.Column("producer_ids", JSONB, nullable=False, server_default=sa.text("'[]'::jsonb")),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("token_hash", name="uq_invitations_token_hash"),
    )
    op.create_index("ix_invitations_tenant_id", "invitations", ["tenant_id"])

    op.create_table(
        "usage_counts",
        sa.Column(
            "tenant_id",
            UUID(as_uuid=True),
            sa.ForeignKey("tenants.id", name="fk_usage_counts_tenant_id_tenants"),
            primary_key=True,
        ),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("api_calls", sa.BigInteger, nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_table("usage_counts")
    op.drop_table("invitations")
    op.drop_column("api_keys", "scopes")
    for column in ("locked_until", "failed_logins"):
        op.drop_column("users", column)
    for column in (
        "suspended_at",
        "primary_social_url",
        "allowed_store_domains",
        "currency",
        "fallback_locale",
        "locales",
        "country",
    ):
        op.drop_column("tenants", column)
    op.drop_constraint("fk_tenants_plan_plans", "tenants", type_="foreignkey")
    op.drop_table("plans")
