"""Categories, variants, places, media, storefronts, listings, imports; trigram search.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from kit.settings import jobs_role
from kit.tenancy import rls_statements

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

NEW_TABLES = ("categories", "variants", "places", "media", "storefronts", "listings", "imports")


def timestamps() -> list[sa.Column[object]]:
    return [
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
    ]


def identity() -> list[sa.Column[object]]:
    return [
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("tenant_id", UUID(as_uuid=True), nullable=False, index=True),
    ]


def upgrade() -> None:
    # pg_trgm indexes substrings of any script (にんにく in 黒にんにく, 두부 in 온천 두부), which
    # word-based full-text search cannot do for Japanese or Korean without a tokenizer.
    # https://www.postgresql.org/docs/current/pgtrgm.html
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_table(
        "categories",
        *identity(),
        sa.Column("slug", sa.String(120), nullable=False),
        sa.Column("name", JSONB, nullable=False),
        sa.Column("parent_id", UUID(as_uuid=True), sa.ForeignKey("categories.id")),
        *timestamps(),
        sa.UniqueConstraint("tenant_id", "slug", name="uq_categories_tenant_id_slug"),
    )
    with op.batch_alter_table("producers") as producers:
        producers.add_column(sa.Column("code", sa.String(64)))
        producers.add_column(sa.Column("address", sa.Text))
        producers.add_column(sa.Column("latitude", sa.Float))
        producers.add_column(sa.Column("longitude", sa.Float))
        producers.add_column(
            sa.Column("contact", JSONB, nullable=False, server_default=sa.text("'{}'"))
        )
        producers.add_column(
            sa.Column("social", JSONB, nullable=False, server_default=sa.text("'{}'"))
        )
        producers.add_column(
            sa.Column("visibility", sa.String(16), nullable=False, server_default="public")
        )
    op.create_index(
        "uq_producers_tenant_id_code",
        "producers",
        ["tenant_id", "code"],
        unique=True,
        postgresql_where=sa.text("code IS NOT NULL"),
    )
    op.add_column("products", sa.Column("archived_at", sa.DateTime(timezone=True)))
    op.add_column(
        "products", sa.Column("category_id", UUID(as_uuid=True), sa.ForeignKey("categories.id"))
    )
    op.add_column(
        "products",
        sa.Column("tags", ARRAY(sa.String(64)), nullable=False, server_default=sa.text("'{}'")),
    )
    op.add_column(
        "products",
        sa.Column(
            "season_months", ARRAY(sa.SmallInteger), nullable=False, server_default=sa.text("'{}'")
        ),
    )
    op.add_column("products", sa.Column("available_from", sa.DateTime(timezone=True)))
    op.add_column("products", sa.Column("available_until", sa.DateTime(timezone=True)))
    op.add_column(
        "products", sa.Column("media", JSONB, nullable=False, server_default=sa.text("'[]'"))
    )
    op.add_column("products", sa.Column("search_text", sa.Text, nullable=False, server_default=""))
    op.create_index("ix_products_tenant_created", "products", ["tenant_id", "created_at", "id"])
    op.create_index("ix_products_category_id", "products", ["category_id"])
    op.create_index("ix_products_tags", "products", ["tags"], postgresql_using="gin")
    op.create_index(
        "ix_products_search_text",
        "products",
        ["search_text"],
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
    )
    op.create_table(
        "variants",
        *identity(),
        sa.Column(
            "product_id",
            UUID(as_uuid=True),
            sa.ForeignKey("products.id"),
            nullable=False,
            index=True,
        ),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("name", JSONB, nullable=False),
        sa.Column("unit", sa.String(8), nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("price_amount", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("stock", sa.Integer),
        sa.Column("made_to_order", sa.Boolean, nullable=False),
        sa.Column("weight_grams", sa.Integer),
        sa.Column("position", sa.Integer, nullable=False),
        *timestamps(),
        sa.UniqueConstraint("tenant_id", "sku", name="uq_variants_tenant_id_sku"),
    )
    op.create_table(
        "places",
        *identity(),
        sa.Column("slug", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", JSONB, nullable=False),
        sa.Column("description", JSONB, nullable=False),
        sa.Column("address", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("opening_hours", JSONB, nullable=False),
        sa.Column("media", JSONB, nullable=False),
        sa.Column("related_product_ids", ARRAY(UUID(as_uuid=True)), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True)),
        sa.Column("archived_at", sa.DateTime(timezone=True)),
        sa.Column("search_text", sa.Text, nullable=False),
        *timestamps(),
        sa.UniqueConstraint("tenant_id", "slug", name="uq_places_tenant_id_slug"),
    )
    op.create_index(
        "ix_places_search_text",
        "places",
        ["search_text"],
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
    )
    op.create_table(
        "media",
        *identity(),
        sa.Column("content_type", sa.String(64), nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("size_bytes", sa.Integer, nullable=False),
        sa.Column("filename", sa.Text),
        sa.Column("renditions", JSONB, nullable=False),
        *timestamps(),
    )
    op.create_table(
        "storefronts",
        *identity(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("api_base_url", sa.Text),
        sa.Column("item_url_template", sa.Text),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("credentials", sa.LargeBinary),
        sa.Column("last_synced_at", sa.DateTime(timezone=True)),
        sa.Column("last_sync_error", sa.Text),
        *timestamps(),
    )
    op.create_table(
        "listings",
        *identity(),
        sa.Column(
            "storefront_id",
            UUID(as_uuid=True),
            sa.ForeignKey("storefronts.id"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "variant_id",
            UUID(as_uuid=True),
            sa.ForeignKey("variants.id"),
            nullable=False,
            index=True,
        ),
        sa.Column("external_id", sa.String(200), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("price_amount", sa.BigInteger),
        sa.Column("currency", sa.String(3)),
        sa.Column("stock", sa.Integer),
        sa.Column("synced_at", sa.DateTime(timezone=True)),
        *timestamps(),
        sa.UniqueConstraint(
            "storefront_id", "external_id", name="uq_listings_storefront_id_external_id"
        ),
    )
    op.create_table(
        "imports",
        *identity(),
        sa.Column("filename", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("total_rows", sa.Integer, nullable=False),
        sa.Column("processed_rows", sa.Integer, nullable=False),
        sa.Column("errors", JSONB, nullable=False),
        sa.Column("summary", JSONB, nullable=False),
        *timestamps(),
    )
    for table in NEW_TABLES:
        for statement in rls_statements(table, jobs_role=jobs_role("catalog")):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(NEW_TABLES):
        op.drop_table(table)
    op.drop_index("ix_products_search_text", "products")
    op.drop_index("ix_products_tags", "products")
    op.drop_index("ix_products_category_id", "products")
    op.drop_index("ix_products_tenant_created", "products")
    for column in (
        "search_text",
        "media",
        "available_until",
        "available_from",
        "season_months",
        "tags",
        "category_id",
        "archived_at",
    ):
        op.drop_column("products", column)
    op.drop_index("uq_producers_tenant_id_code", "producers")
    for column in ("visibility", "social", "contact", "longitude", "latitude", "address", "code"):
        op.drop_column("producers", column)
