"""Inbox reply approval: a town may hold its writers' and staff's public replies for an editor;
who reviewed a reply, when, and why it was rejected.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "inbox_settings",
        sa.Column(
            "public_replies_need_approval",
            sa.Boolean,
            nullable=False,
            server_default=sa.false(),
        ),
    )
    # `awaiting_approval` is longer than the states so far.
    op.alter_column("conversation_messages", "state", type_=sa.String(20))
    op.add_column("conversation_messages", sa.Column("reviewed_by", sa.String(200)))
    op.add_column("conversation_messages", sa.Column("reviewed_at", sa.DateTime(timezone=True)))
    op.add_column("conversation_messages", sa.Column("review_comment", sa.Text))


def downgrade() -> None:
    op.drop_column("conversation_messages", "review_comment")
    op.drop_column("conversation_messages", "reviewed_at")
    op.drop_column("conversation_messages", "reviewed_by")
    op.execute(
        "UPDATE conversation_messages SET state = 'failed'"
        " WHERE state IN ('awaiting_approval', 'rejected')"
    )
    op.alter_column("conversation_messages", "state", type_=sa.String(12))
    op.drop_column("inbox_settings", "public_replies_need_approval")
