"""When a conversation was last opened again after a close (`publisher.conversation.reopened.v1`),
so the response-time report counts it open, not resolved, until it is closed again.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "conversation_times", sa.Column("reopened_at", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    op.drop_column("conversation_times", "reopened_at")
