"""Room for every producer visibility: `only_through_links` is 18 characters, the column was 16
(creating such a producer answered 500).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column("producers", "visibility", type_=sa.String(32), existing_type=sa.String(16))


def downgrade() -> None:
    op.alter_column("producers", "visibility", type_=sa.String(16), existing_type=sa.String(32))
