"""Playbooks: post templates and channel plans a partner town starts from.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

from kit.settings import jobs_role
from kit.tenancy import rls_statements

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
TENANT_TABLES = ["post_templates", "channel_plans"]


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
        "post_templates",
        *_common(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("template", sa.Text, nullable=False),
        sa.Column("cadence", JSONB, nullable=False, server_default=sa.text("'{}'")),
        sa.Column("language", sa.String(8), nullable=False),
        *_stamps(),
        sa.UniqueConstraint("tenant_id", "name", name="uq_post_templates_tenant_id"),
    )
    op.create_table(
        "channel_plans",
        *_common(),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("owner_kind", sa.String(10), nullable=False),
        sa.Column("approval_policy", sa.String(10), nullable=False),
        sa.Column("slots", JSONB, nullable=False, server_default=sa.text("'[]'")),
        *_stamps(),
        sa.UniqueConstraint("tenant_id", "platform", "name", name="uq_channel_plans_tenant_id"),
    )
    for table in TENANT_TABLES:
        for statement in rls_statements(table, jobs_role=jobs_role("publisher")):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
