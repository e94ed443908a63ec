"""Producers, products, outbox and inbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

from kit.migrations import create_event_tables
from kit.settings import jobs_role
from kit.tenancy import rls_statements

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def timestamps() -> list[sa.Column[object]]:
    return [
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "producers",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("tenant_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", JSONB, nullable=False),
        sa.Column("story", JSONB, nullable=False),
        *timestamps(),
    )
    op.create_table(
        "products",
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("tenant_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column(
            "producer_id",
            UUID(as_uuid=True),
            sa.ForeignKey("producers.id"),
            nullable=False,
            index=True,
        ),
        sa.Column("slug", sa.String(120), nullable=False),
        sa.Column("name", JSONB, nullable=False),
        sa.Column("description", JSONB, nullable=False),
        sa.Column("price_amount", sa.Integer),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True)),
        *timestamps(),
        sa.UniqueConstraint("tenant_id", "slug", name="uq_products_tenant_id_slug"),
    )
    for table in ("producers", "products"):
        for statement in rls_statements(table, jobs_role=jobs_role("catalog")):
            op.execute(statement)
    create_event_tables(op.get_bind())


def downgrade() -> None:
    op.drop_table("inbox")
    op.drop_table("outbox")
    op.drop_table("products")
    op.drop_table("producers")
