"""Tenant settings the catalog keeps from the gateway's tenant events: locales and fallback.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from kit.settings import jobs_role
from kit.tenancy import rls_statements

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tenant_settings",
        sa.Column("tenant_id", UUID(as_uuid=True), primary_key=True),
        sa.Column("locales", ARRAY(sa.String(16)), nullable=False, server_default=sa.text("'{}'")),
        sa.Column("fallback_locale", sa.String(16)),
        sa.Column("timezone", sa.String(64)),
        # occurred_at of the event the row holds: an older event arriving late changes nothing.
        sa.Column("profile_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
    )
    for statement in rls_statements("tenant_settings", jobs_role=jobs_role("catalog")):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("tenant_settings")
