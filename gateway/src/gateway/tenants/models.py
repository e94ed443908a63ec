"""The tenants table: the municipalities on the platform."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from gateway.base import Base
from kit.db import UUIDPrimaryKey


class Tenant(UUIDPrimaryKey, Base):
    """A municipality running on the platform, with its plan and quotas."""

    __tablename__ = "tenants"
    __table_args__ = (CheckConstraint("status IN ('active', 'suspended')", name="status"),)

    slug: Mapped[str] = mapped_column(String(63), unique=True)
    name: Mapped[dict[str, Any]]  # language code -> text
    timezone: Mapped[str] = mapped_column(String(64))
    population: Mapped[int | None]
    plan: Mapped[str] = mapped_column(ForeignKey("plans.name"), default="town")
    limits: Mapped[dict[str, Any]] = mapped_column(default=dict)  # per-tenant quota overrides
    status: Mapped[str] = mapped_column(String(16), default="active")
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    country: Mapped[str | None] = mapped_column(String(2))  # ISO 3166-1 alpha-2
    locales: Mapped[list[str]] = mapped_column(JSONB, default=list)
    fallback_locale: Mapped[str] = mapped_column(String(16), default="ja")
    currency: Mapped[str] = mapped_column(String(3), default="JPY")  # ISO 4217
    allowed_store_domains: Mapped[list[str]] = mapped_column(JSONB, default=list)
    primary_social_url: Mapped[str | None] = mapped_column(Text)
    suspended_at: Mapped[datetime | None]
    # Admins and editors must log in with a second factor (TOTP); others may choose to.
    mfa_required: Mapped[bool] = mapped_column(default=False)
