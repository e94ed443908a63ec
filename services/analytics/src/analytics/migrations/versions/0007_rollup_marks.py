"""Dirty-hour marks without a unique key, so no write waits for another to mark an hour.

With `(tenant_id, hour)` as the key, a mark waited for any transaction holding the same key:
the rollup job's claim (which deletes the marks and recomputes in one transaction) and the
order or click flush that marked the hour first. Under `make load` the order webhook's insert
averaged 18 ms in Postgres, most of it waiting. Now each write adds its own row; the job
claims every row of the tenant and recomputes each hour once.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_constraint("pk_rollup_dirty", "rollup_dirty", type_="primary")
    op.add_column(
        "rollup_dirty",
        sa.Column(
            "id",
            UUID(as_uuid=True),
            server_default=sa.text("gen_random_uuid()"),
            nullable=False,
        ),
    )
    op.create_primary_key("pk_rollup_dirty", "rollup_dirty", ["id"])
    op.create_index("ix_rollup_dirty_tenant_id", "rollup_dirty", ["tenant_id"])


def downgrade() -> None:
    op.drop_index("ix_rollup_dirty_tenant_id", "rollup_dirty")
    op.drop_constraint("pk_rollup_dirty", "rollup_dirty", type_="primary")
    op.drop_column("rollup_dirty", "id")
    op.execute(
        "DELETE FROM rollup_dirty a USING rollup_dirty b"
        " WHERE a.ctid > b.ctid AND a.tenant_id = b.tenant_id AND a.hour = b.hour"
    )
    op.create_primary_key("pk_rollup_dirty", "rollup_dirty", ["tenant_id", "hour"])
