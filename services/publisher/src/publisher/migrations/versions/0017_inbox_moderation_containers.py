"""Inbox moderation and Threads replies: whether a citizen's comment is hidden on the platform,
who last hid, unhid or deleted it and when; and a Threads reply's container id, kept as soon as
the platform makes it so the reply is published from that container once.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    for column in (
        sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("moderated_by", sa.String(200), nullable=True),
        sa.Column("moderated_at", TS, nullable=True),
        sa.Column("container_id", sa.String(100), nullable=True),
    ):
        op.add_column("conversation_messages", column)


def downgrade() -> None:
    for name in ("container_id", "moderated_at", "moderated_by", "hidden"):
        op.drop_column("conversation_messages", name)
