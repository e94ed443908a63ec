"""Inbox saved replies (templates) in ja, ko and en, and which one a reply was sent from.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

from kit.settings import jobs_role
from kit.tenancy import rls_statements

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "inbox_templates",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("tenant_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("bodies", JSONB, nullable=False),
        sa.Column("created_at", TS, server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", TS, server_default=sa.func.now(), nullable=False),
    )
    for statement in rls_statements("inbox_templates", jobs_role=jobs_role("publisher")):
        op.execute(statement)
    op.add_column(
        "conversation_messages", sa.Column("template_id", UUID(as_uuid=True), nullable=True)
    )


def downgrade() -> None:
    op.drop_column("conversation_messages", "template_id")
    op.drop_table("inbox_templates")
