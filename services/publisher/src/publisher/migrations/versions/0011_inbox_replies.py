"""Inbox replies: a staff answer is a message with a sending state, as deliveries are: the
platform's call is made at most once unless the platform itself dedupes (LINE's retry key).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    for column in (
        sa.Column("state", sa.String(12), nullable=True),
        sa.Column("via", sa.String(10), nullable=True),
        sa.Column("idempotency_key", UUID(as_uuid=True), nullable=True),
        sa.Column("sending_started_at", TS, nullable=True),
        sa.Column("error", sa.Text, nullable=True),
    ):
        op.add_column("conversation_messages", column)
    op.create_index(
        "ix_conversation_messages_pending",
        "conversation_messages",
        ["state"],
        postgresql_where=sa.text("state IN ('pending', 'sending')"),
    )


def downgrade() -> None:
    op.drop_index("ix_conversation_messages_pending", "conversation_messages")
    for name in ("error", "sending_started_at", "idempotency_key", "via", "state"):
        op.drop_column("conversation_messages", name)
