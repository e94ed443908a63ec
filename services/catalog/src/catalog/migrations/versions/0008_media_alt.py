"""Media gain alt text per language (`{"ja": ..., "en": ...}`), written in the media library
and used wherever the photo is shown or published, and a search text (file name and alt text,
normalized like the products') that the library searches with the trigram index.

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
    op.add_column("media", sa.Column("alt", JSONB, nullable=False, server_default=sa.text("'{}'")))
    op.add_column("media", sa.Column("search_text", sa.Text, nullable=False, server_default=""))
    # Existing media have no alt text yet: their file name is their whole search text.
    op.execute("UPDATE media SET search_text = lower(coalesce(filename, ''))")
    op.create_index(
        "ix_media_search_text",
        "media",
        ["search_text"],
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
    )
    # The library lists a town's media newest first (kit.pagination: created_at, id).
    op.create_index("ix_media_tenant_created", "media", ["tenant_id", "created_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_media_tenant_created", "media")
    op.drop_index("ix_media_search_text", "media")
    op.drop_column("media", "search_text")
    op.drop_column("media", "alt")
