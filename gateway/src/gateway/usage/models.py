"""Monthly API request counts per tenant."""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from gateway.base import Base


class UsageCount(Base):
    """API requests a tenant made through the gateway in one month (YYYY-MM, UTC)."""

    __tablename__ = "usage_counts"

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    api_calls: Mapped[int] = mapped_column(BigInteger, default=0)
