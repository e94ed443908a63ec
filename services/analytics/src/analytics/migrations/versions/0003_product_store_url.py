"""The product's first store listing, so its city page link can be made later when the town's
store domains arrive after the product (events on different queues come in any order).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("product_stats", sa.Column("store_url", sa.String, nullable=True))


def downgrade() -> None:
    op.drop_column("product_stats", "store_url")
