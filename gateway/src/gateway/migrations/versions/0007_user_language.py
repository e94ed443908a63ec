"""The language a user chose for the console (`PATCH /v1/me`).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("language", sa.String(8)))


def downgrade() -> None:
    op.drop_column("users", "language")
