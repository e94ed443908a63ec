"""Catalog tables. Every table is tenant-scoped and under row-level security."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kit.db import Base as ModelBase
from kit.db import Timestamps, UUIDPrimaryKey, service_metadata
from kit.tenancy import TenantScoped


class Base(ModelBase):
    __abstract__ = True
    metadata = service_metadata()


class Producer(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """A farm, fishery, maker, shop, inn or restaurant that sells through the town."""

    __tablename__ = "producers"

    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[dict[str, Any]]  # language code -> text
    story: Mapped[dict[str, Any]] = mapped_column(default=dict)


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
