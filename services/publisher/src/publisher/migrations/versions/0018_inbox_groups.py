"""Inbox groups of staff with a round-robin turn; rules by language or to a group; a
conversation's group and language.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

from kit.settings import jobs_role
from kit.tenancy import rls_statements

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "inbox_groups",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("tenant_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("members", JSONB, nullable=False, server_default=sa.text("'[]'")),
        sa.Column("turn", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", TS, server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", TS, server_default=sa.func.now(), nullable=False),
        sa.UniqueConstraint("tenant_id", "name"),
    )
    for statement in rls_statements("inbox_groups", jobs_role=jobs_role("publisher")):
        op.execute(statement)
    op.add_column("conversations", sa.Column("group_id", UUID(as_uuid=True), nullable=True))
    op.add_column("conversations", sa.Column("language", sa.String(5), nullable=True))
    op.create_index("ix_conversations_group_id", "conversations", ["group_id"])
    op.add_column("inbox_rules", sa.Column("group_id", UUID(as_uuid=True), nullable=True))
    op.add_column("inbox_rules", sa.Column("language", sa.String(5), nullable=True))
    op.alter_column("inbox_rules", "assignee", nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM inbox_rules WHERE assignee IS NULL")
    op.alter_column("inbox_rules", "assignee", nullable=False)
    op.drop_column("inbox_rules", "language")
    op.drop_column("inbox_rules", "group_id")
    op.drop_index("ix_conversations_group_id", table_name="conversations")
    op.drop_column("conversations", "language")
    op.drop_column("conversations", "group_id")
    op.drop_table("inbox_groups")
