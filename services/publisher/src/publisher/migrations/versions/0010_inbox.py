"""The citizen inbox: stored webhook events, conversations, their messages and notes, and each
town's sealed Meta webhook secrets.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

from kit.settings import jobs_role
from kit.tenancy import rls_statements

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
TENANT_TABLES = ["inbox_settings", "inbox_events", "conversations", "conversation_messages"]


def _common() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("tenant_id", UUID(as_uuid=True), nullable=False, index=True),
    ]


def _stamps() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("created_at", TS, server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", TS, server_default=sa.func.now(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "inbox_settings",
        *_common(),
        sa.Column("sealed", sa.LargeBinary, nullable=True),
        *_stamps(),
        sa.UniqueConstraint("tenant_id", name="uq_inbox_settings_tenant_id"),
    )
    op.create_table(
        "inbox_events",
        *_common(),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("channel_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("dedup_key", sa.String(300), nullable=False),
        sa.Column("payload", JSONB, nullable=False),
        sa.Column("reply_token", sa.LargeBinary, nullable=True),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("state", sa.String(10), nullable=False, index=True),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("handled_at", TS, nullable=True),
        sa.UniqueConstraint("tenant_id", "platform", "dedup_key", name="uq_inbox_events_tenant_id"),
    )
    op.create_table(
        "conversations",
        *_common(),
        sa.Column("channel_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("post_ref", sa.String(200), nullable=False, server_default=""),
        sa.Column("author_id", sa.String(200), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("assignee", sa.String(200), nullable=True, index=True),
        sa.Column("priority", sa.String(10), nullable=False),
        sa.Column("tags", JSONB, nullable=False, server_default=sa.text("'[]'")),
        sa.Column("last_message_at", TS, nullable=False),
        sa.Column("window_closes_at", TS, nullable=True),
        *_stamps(),
        sa.UniqueConstraint(
            "tenant_id",
            "channel_id",
            "kind",
            "post_ref",
            "author_id",
            name="uq_conversations_tenant_id",
        ),
    )
    op.create_table(
        "conversation_messages",
        *_common(),
        sa.Column("conversation_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("direction", sa.String(5), nullable=False),
        sa.Column("platform_message_id", sa.String(300), nullable=True),
        sa.Column("parent_ref", sa.String(300), nullable=True),
        sa.Column("text", sa.Text, nullable=False, server_default=""),
        sa.Column("attachments", JSONB, nullable=False, server_default=sa.text("'[]'")),
        sa.Column("author_id", sa.String(200), nullable=True),
        sa.Column("sent_at", TS, nullable=False),
        sa.Column("removed", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("reply_token_expires_at", TS, nullable=True),
        sa.Column("event_id", UUID(as_uuid=True), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint(
            "conversation_id",
            "platform_message_id",
            name="uq_conversation_messages_conversation_id",
        ),
    )
    for table in TENANT_TABLES:
        for statement in rls_statements(table, jobs_role=jobs_role("publisher")):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
