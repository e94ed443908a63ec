"""Publisher tables, tenant-scoped under row-level security."""

from __future__ import annotations

import uuid

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kit.db import Base as ModelBase
from kit.db import Timestamps, UUIDPrimaryKey, service_metadata
from kit.tenancy import TenantScoped


class Base(ModelBase):
    __abstract__ = True
    metadata = service_metadata()


class Post(UUIDPrimaryKey, TenantScoped, Timestamps, Base):
    """Something the town says; drafts are made by hand or when a product is published."""

    __tablename__ = "posts"
    __table_args__ = (UniqueConstraint("tenant_id", "source_event_id"),)

    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    product_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    # The event a draft was made from: a second, different event id can never double it.
    source_event_id: Mapped[uuid.UUID | None]
