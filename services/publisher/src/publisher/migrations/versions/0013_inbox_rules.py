"""Inbox routing rules: a new conversation on a channel, or with a keyword, goes to a staff member.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from kit.settings import jobs_role
from kit.tenancy import rls_statements

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "inbox_rules",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("tenant_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("channel_id", UUID(as_uuid=True), nullable=True),
        sa.Column("keyword", sa.String(100), nullable=True),
        sa.Column("assignee", sa.String(200), nullable=False),
        sa.Column("created_at", TS, server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", TS, server_default=sa.func.now(), nullable=False),
    )
    for statement in rls_statements("inbox_rules", jobs_role=jobs_role("publisher")):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("inbox_rules")
