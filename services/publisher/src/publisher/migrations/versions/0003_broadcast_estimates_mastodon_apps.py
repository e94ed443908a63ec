"""LINE broadcast estimates on posts and deliveries; one Mastodon app per instance.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column(
        "posts",
        sa.Column("estimates", JSONB, nullable=False, server_default=sa.text("'{}'")),
    )
    op.add_column("deliveries", sa.Column("estimated_messages", sa.Integer))
    # Not a tenant table: Machi registers itself once per instance, for every town on it.
    op.create_table(
        "mastodon_apps",
        sa.Column("instance_url", sa.String(300), primary_key=True),
        sa.Column("client_id", sa.String(300), nullable=False),
        sa.Column("client_secret", sa.LargeBinary, nullable=False),
        sa.Column("redirect_uri", sa.Text, nullable=False),
        sa.Column("created_at", TS, server_default=sa.func.now(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("mastodon_apps")
    op.drop_column("deliveries", "estimated_messages")
    op.drop_column("posts", "estimates")
