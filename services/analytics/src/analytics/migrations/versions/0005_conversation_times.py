"""Inbox conversations' milestones (opened, first reply, closed, assignee and group) for the
response-time report, kept from the publisher's conversation events.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from kit.settings import jobs_role
from kit.tenancy import rls_statements

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _at(name: str) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=True)


def upgrade() -> None:
    op.create_table(
        "conversation_times",
        sa.Column("conversation_id", UUID(as_uuid=True), primary_key=True),
        sa.Column("tenant_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("channel_id", UUID(as_uuid=True), nullable=False),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        _at("opened_at"),
        _at("first_reply_at"),
        sa.Column("first_reply_by", sa.String(200), nullable=True),
        _at("closed_at"),
        sa.Column("assignee", sa.String(200), nullable=True),
        sa.Column("group_id", UUID(as_uuid=True), nullable=True),
        _at("assigned_at"),
    )
    op.create_index(
        "ix_conversation_times_tenant_opened", "conversation_times", ["tenant_id", "opened_at"]
    )
    for statement in rls_statements("conversation_times", jobs_role=jobs_role("analytics")):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("conversation_times")
