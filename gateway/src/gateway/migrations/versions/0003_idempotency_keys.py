"""Idempotency keys of the writes the gateway forwards (`kit.idempotency`).

Keyed by the caller's scope (tenant and principal), not under row-level security like the other
control-plane tables: the gateway reads them before a service is called.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from alembic import op

from kit import idempotency

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    idempotency.create_table(op.get_bind())
    # The purge job deletes by age.
    op.create_index("ix_idempotency_keys_created_at", "idempotency_keys", ["created_at"])


def downgrade() -> None:
    op.drop_table("idempotency_keys")
