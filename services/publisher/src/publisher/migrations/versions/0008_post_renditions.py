"""Posts keep the writer's choice of photo rendition per platform (`{platform: rendition}`),
which replaces the platform's automatic one when the post goes out.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "posts", sa.Column("renditions", JSONB, nullable=False, server_default=sa.text("'{}'"))
    )


def downgrade() -> None:
    op.drop_column("posts", "renditions")
