"""Campaigns that run themselves: rules, placement on slots, a lifecycle, skipped products;
products keep what the rules choose by (category, season, sale window, stock); a campaign's post
keeps each channel's own time; a stored template
keeps a text per platform.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

EMPTY_LIST = sa.text("'[]'")
EMPTY_DICT = sa.text("'{}'")


def upgrade() -> None:
    op.add_column("products", sa.Column("category", sa.String(120)))
    op.add_column(
        "products", sa.Column("season_months", JSONB, nullable=False, server_default=EMPTY_LIST)
    )
    op.add_column("products", sa.Column("available_from", sa.DateTime(timezone=True)))
    op.add_column("products", sa.Column("available_until", sa.DateTime(timezone=True)))
    op.add_column("products", sa.Column("stock", JSONB, nullable=False, server_default=EMPTY_DICT))

    op.add_column("campaigns", sa.Column("template_id", UUID(as_uuid=True)))
    op.add_column("campaigns", sa.Column("rules", JSONB, nullable=False, server_default=EMPTY_DICT))
    # Campaigns made before this drafted every post at once: they are complete as they stand.
    op.add_column("campaigns", sa.Column("steps", sa.Integer, nullable=False, server_default="0"))
    op.add_column(
        "campaigns",
        sa.Column("placement", sa.String(10), nullable=False, server_default="cadence"),
    )
    op.add_column(
        "campaigns",
        sa.Column("approval", sa.String(10), nullable=False, server_default="campaign"),
    )
    op.add_column(
        "campaigns", sa.Column("catch_up", sa.Boolean, nullable=False, server_default="false")
    )
    op.add_column(
        "campaigns", sa.Column("status", sa.String(16), nullable=False, server_default="finished")
    )
    op.add_column("campaigns", sa.Column("approved_by", sa.String(200)))
    op.add_column(
        "campaigns", sa.Column("grants", JSONB, nullable=False, server_default=EMPTY_DICT)
    )
    op.add_column("campaigns", sa.Column("made", sa.Integer, nullable=False, server_default="0"))
    op.add_column(
        "campaigns", sa.Column("placed", JSONB, nullable=False, server_default=EMPTY_DICT)
    )
    op.add_column("campaigns", sa.Column("not_before", sa.DateTime(timezone=True)))
    op.add_column(
        "campaigns", sa.Column("skipped", JSONB, nullable=False, server_default=EMPTY_LIST)
    )
    op.create_index("ix_campaigns_status", "campaigns", ["status"])

    op.add_column(
        "post_templates",
        sa.Column("platform_texts", JSONB, nullable=False, server_default=EMPTY_DICT),
    )
    op.add_column(
        "posts", sa.Column("planned_times", JSONB, nullable=False, server_default=EMPTY_DICT)
    )


def downgrade() -> None:
    op.drop_column("posts", "planned_times")
    op.drop_column("post_templates", "platform_texts")
    op.drop_index("ix_campaigns_status", "campaigns")
    for column in (
        "skipped",
        "not_before",
        "placed",
        "made",
        "grants",
        "approved_by",
        "status",
        "catch_up",
        "approval",
        "placement",
        "steps",
        "rules",
        "template_id",
    ):
        op.drop_column("campaigns", column)
    for column in ("stock", "available_until", "available_from", "season_months", "category"):
        op.drop_column("products", column)
