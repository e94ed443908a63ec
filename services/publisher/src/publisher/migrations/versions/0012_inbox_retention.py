"""Inbox retention: each town keeps citizens' messages for its own number of days.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "inbox_settings",
        sa.Column("retention_days", sa.Integer, nullable=False, server_default="365"),
    )


def downgrade() -> None:
    op.drop_column("inbox_settings", "retention_days")
