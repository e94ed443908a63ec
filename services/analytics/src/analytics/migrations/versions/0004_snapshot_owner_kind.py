"""Insight snapshots name their channel's owner (town, shop, staff), so staff accounts'
followers are counted apart from the town's.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Snapshots taken before owners were sent are the town's, as they were counted until now.
    op.add_column(
        "insight_snapshots",
        sa.Column("owner_kind", sa.String(10), nullable=False, server_default="town"),
    )


def downgrade() -> None:
    op.drop_column("insight_snapshots", "owner_kind")
