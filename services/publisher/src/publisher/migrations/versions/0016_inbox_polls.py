"""Inbox polling: where each X or Mastodon channel's mentions were last read, and when next.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from kit.settings import jobs_role
from kit.tenancy import rls_statements

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "inbox_polls",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("tenant_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("channel_id", UUID(as_uuid=True), nullable=False),
        sa.Column("cursor", sa.String(100), nullable=True),
        sa.Column("next_poll_at", TS, nullable=False),
        sa.Column("polled_at", TS, nullable=True),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("created_at", TS, server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", TS, server_default=sa.func.now(), nullable=False),
        sa.UniqueConstraint("tenant_id", "channel_id"),
    )
    op.create_index("ix_inbox_polls_next_poll_at", "inbox_polls", ["next_poll_at"])
    for statement in rls_statements("inbox_polls", jobs_role=jobs_role("publisher")):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("inbox_polls")
