"""Imports that publish what they create or update (`publish=true`), within the plan's quota of
active products as it stood at upload (the worker has no caller's token to read it from).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "imports", sa.Column("publish", sa.Boolean, nullable=False, server_default="false")
    )
    op.add_column("imports", sa.Column("active_products_limit", sa.Integer))


def downgrade() -> None:
    op.drop_column("imports", "active_products_limit")
    op.drop_column("imports", "publish")
