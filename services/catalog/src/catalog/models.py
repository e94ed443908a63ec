"""Catalog tables. Every table is tenant-scoped and under row-level security."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from kit.db import Base as ModelBase
from kit.db import Timestamps, UUIDPrimaryKey, service_metadata
from kit.secrets import SEALED
from kit.tenancy import TenantScoped


class Base(ModelBase):
    __abstract__ = True
    metadata = service_metadata()


class Category(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """One node of the tenant's product taxonomy."""

    __tablename__ = "categories"
    __table_args__ = (UniqueConstraint("tenant_id", "slug"),)

    slug: Mapped[str] = mapped_column(String(120))
    name: Mapped[dict[str, Any]]
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("categories.id"))


class Producer(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A farm, fishery, maker, shop, inn or restaurant that sells through the town."""

    __tablename__ = "producers"

    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[dict[str, Any]]  # language code -> text
    story: Mapped[dict[str, Any]] = mapped_column(default=dict)
    code: Mapped[str | None] = mapped_column(String(64))  # the tenant's own key (CSV import)
    address: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    contact: Mapped[dict[str, Any]] = mapped_column(default=dict)
    social: Mapped[dict[str, Any]] = mapped_column(default=dict)
    visibility: Mapped[str] = mapped_column(String(32), default="public")


class Product(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A local specialty; lifecycle draft -> published -> archived."""

    __tablename__ = "products"
    __table_args__ = (UniqueConstraint("tenant_id", "slug"),)

    producer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("producers.id"), index=True)
    slug: Mapped[str] = mapped_column(String(120))
    name: Mapped[dict[str, Any]]
    description: Mapped[dict[str, Any]] = mapped_column(default=dict)
    price_amount: Mapped[int | None]
    currency: Mapped[str] = mapped_column(String(3), default="JPY")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    published_at: Mapped[datetime | None]
    archived_at: Mapped[datetime | None]
    category_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("categories.id"))
    tags: Mapped[list[str]] = mapped_column(ARRAY(String(64)), default=list)
    season_months: Mapped[list[int]] = mapped_column(ARRAY(SmallInteger), default=list)
    available_from: Mapped[datetime | None]
    available_until: Mapped[datetime | None]
    media: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)  # [{media_id, alt{}}]
    search_text: Mapped[str] = mapped_column(Text, default="")


class ProductGram(TenantScoped, Base):
    """One character bigram of a product's search text; written by triggers (migration 0005),
    read by text search."""

    __tablename__ = "product_grams"

    tenant_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    gram: Mapped[str] = mapped_column(Text(collation="C"), primary_key=True)
    product_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)


class Variant(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """The sellable unit of a product."""

    __tablename__ = "variants"
    __table_args__ = (UniqueConstraint("tenant_id", "sku"),)

    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id"), index=True)
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[dict[str, Any]] = mapped_column(default=dict)
    unit: Mapped[str] = mapped_column(String(8))
    quantity: Mapped[int] = mapped_column(Integer)
    price_amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    stock: Mapped[int | None] = mapped_column(Integer)
    made_to_order: Mapped[bool] = mapped_column(Boolean, default=False)
    weight_grams: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Place(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A tourist spot: onsen, library, shrine, festival grounds."""

    __tablename__ = "places"
    __table_args__ = (UniqueConstraint("tenant_id", "slug"),)

    slug: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[dict[str, Any]]
    description: Mapped[dict[str, Any]] = mapped_column(default=dict)
    address: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    opening_hours: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    media: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    related_product_ids: Mapped[list[uuid.UUID]] = mapped_column(
        ARRAY(UUID(as_uuid=True)), default=list
    )
    status: Mapped[str] = mapped_column(String(16), default="draft")
    published_at: Mapped[datetime | None]
    archived_at: Mapped[datetime | None]
    search_text: Mapped[str] = mapped_column(Text, default="")


class Media(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """An uploaded image and its renditions (files live in `catalog.media.storage`)."""

    __tablename__ = "media"

    content_type: Mapped[str] = mapped_column(String(64))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str | None] = mapped_column(Text)
    renditions: Mapped[dict[str, Any]] = mapped_column(default=dict)  # name -> {key, w, h}
    alt: Mapped[dict[str, Any]] = mapped_column(default=dict)  # language code -> alt text
    search_text: Mapped[str] = mapped_column(Text, default="")  # file name and alt, normalized


class Storefront(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A store the tenant sells through: `generic`, `shopify` or `woocommerce`."""

    __tablename__ = "storefronts"

    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    api_base_url: Mapped[str | None] = mapped_column(Text)
    item_url_template: Mapped[str | None] = mapped_column(Text)
    currency: Mapped[str] = mapped_column(String(3), default="JPY")
    credentials: Mapped[bytes | None] = mapped_column(LargeBinary, info=SEALED)  # Fernet token
    last_synced_at: Mapped[datetime | None]
    last_sync_error: Mapped[str | None] = mapped_column(Text)


class Listing(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A variant as an item of one storefront."""

    __tablename__ = "listings"
    __table_args__ = (UniqueConstraint("storefront_id", "external_id"),)

    storefront_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("storefronts.id"), index=True)
    variant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("variants.id"), index=True)
    external_id: Mapped[str] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(Text)
    price_amount: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    stock: Mapped[int | None] = mapped_column(Integer)
    synced_at: Mapped[datetime | None]


class TenantSettings(TenantScoped, Timestamps, Base):
    """What the catalog keeps of its tenant's profile (gateway tenant events)."""

    __tablename__ = "tenant_settings"

    tenant_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    locales: Mapped[list[str]] = mapped_column(ARRAY(String(16)), default=list)
    fallback_locale: Mapped[str | None] = mapped_column(String(16))
    timezone: Mapped[str | None] = mapped_column(String(64))
    profile_at: Mapped[datetime]


class Import(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """One CSV upload: its progress and its report."""

    __tablename__ = "imports"

    filename: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    total_rows: Mapped[int] = mapped_column(Integer, default=0)
    processed_rows: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)
    actor: Mapped[str | None] = mapped_column(Text)  # who uploaded it: the events' actor
    # Publish what the file creates or updates, within the uploader's plan quota at upload.
    publish: Mapped[bool] = mapped_column(Boolean, default=False)
    active_products_limit: Mapped[int | None] = mapped_column(Integer)
    # The worker holding the import: its token fences every write, its lease it renews.
    lease_token: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    lease_until: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)


class ImportFile(TenantScoped, Base):
    """The uploaded CSV of an import, kept until the import ends (the worker reads it)."""

    __tablename__ = "import_files"

    import_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("imports.id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)
