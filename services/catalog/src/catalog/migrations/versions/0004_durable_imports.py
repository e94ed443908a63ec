"""Imports as durable work: the uploaded file in the database, a lease the worker renews.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from kit.settings import jobs_role
from kit.tenancy import rls_statements

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("imports", sa.Column("actor", sa.Text))
    op.add_column("imports", sa.Column("lease_token", UUID(as_uuid=True)))
    op.add_column("imports", sa.Column("lease_until", sa.DateTime(timezone=True)))
    op.add_column("imports", sa.Column("attempts", sa.Integer, nullable=False, server_default="0"))
    # The worker's claim query looks only at unfinished imports.
    op.create_index(
        "ix_imports_unfinished",
        "imports",
        ["created_at"],
        postgresql_where=sa.text("status IN ('pending', 'validating', 'applying')"),
    )
    op.create_table(
        "import_files",
        sa.Column(
            "import_id",
            UUID(as_uuid=True),
            sa.ForeignKey("imports.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("tenant_id", UUID(as_uuid=True), nullable=False, index=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    for statement in rls_statements("import_files", jobs_role=jobs_role("catalog")):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("import_files")
    op.drop_index("ix_imports_unfinished", "imports")
    for column in ("attempts", "lease_until", "lease_token", "actor"):
        op.drop_column("imports", column)
