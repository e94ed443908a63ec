"""Notifications: one notice per person per event, read in the console and mailed once.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notifications",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column(
            "tenant_id",
            UUID(as_uuid=True),
            sa.ForeignKey("tenants.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "user_id",
            UUID(as_uuid=True),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("event_id", UUID(as_uuid=True), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("data", JSONB(), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True)),
        sa.Column("mail_status", sa.String(16), nullable=False),
        sa.Column("mail_attempts", sa.Integer(), nullable=False),
        sa.Column("mail_next_at", sa.DateTime(timezone=True)),
        sa.Column("mailed_at", sa.DateTime(timezone=True)),
        *[
            sa.Column(
                name, sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
            )
            for name in ("created_at", "updated_at")
        ],
        sa.UniqueConstraint("user_id", "event_id"),
        sa.CheckConstraint(
            "mail_status IN ('pending', 'sent', 'failed')", name="ck_notifications_mail_status"
        ),
    )
    # A person's notices, newest first; and the mailer's scan for due mail.
    op.create_index("ix_notifications_user", "notifications", ["user_id", "created_at"])
    op.create_index(
        "ix_notifications_mail_due",
        "notifications",
        ["created_at"],
        postgresql_where=sa.text("mail_status = 'pending'"),
    )


def downgrade() -> None:
    op.drop_table("notifications")
