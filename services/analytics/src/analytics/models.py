"""Analytics tables, tenant-scoped under row-level security."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy.orm import Mapped, mapped_column

from kit.db import Base as ModelBase
from kit.db import Timestamps, service_metadata
from kit.tenancy import TenantScoped


class Base(ModelBase):
    __abstract__ = True
    metadata = service_metadata()


class ProductStats(TenantScoped, Timestamps, Base):
    """Running totals per product; the reports read these, never raw clicks."""

    __tablename__ = "product_stats"

    product_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    producer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    slug: Mapped[str]
    name: Mapped[dict[str, Any]]
    clicks: Mapped[int] = mapped_column(BigInteger, default=0)
    orders: Mapped[int] = mapped_column(BigInteger, default=0)
    revenue: Mapped[int] = mapped_column(BigInteger, default=0)
