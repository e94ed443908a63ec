"""An index for a town's products of one status, newest first: the public store and the city
page list the published ones. With only `(tenant_id, created_at, id)` such a list read every
newer product of other statuses before it found its page, so each draft a town kept made its
public pages slower (under `make load`, thousands of drafts).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_products_tenant_status_created", "products", ["tenant_id", "status", "created_at", "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_products_tenant_status_created", table_name="products")
