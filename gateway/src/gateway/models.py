"""Control-plane tables: plans, tenants, users, invitations, refresh tokens, API keys, usage,
password resets and second-factor recovery codes.

The gateway reads them across tenants (a login by email must), so they are not under row-level
security; every tenant-scoped query in `repository` filters by the caller's tenant instead.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from kit.db import Base as ModelBase
from kit.db import UUIDPrimaryKey, service_metadata
from kit.export import SECRET
from kit.secrets import SEALED


class Base(ModelBase):
    __abstract__ = True
    metadata = service_metadata()


class Plan(Base):
    """A licence level: resource quotas and features, shared by the tenants on it."""

    __tablename__ = "plans"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    description: Mapped[str] = mapped_column(Text, default="")
    limits: Mapped[dict[str, Any]] = mapped_column(default=dict)  # quota name -> number
    features: Mapped[list[str]] = mapped_column(JSONB, default=list)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


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


class User(UUIDPrimaryKey, Base):
    """A person who logs in; operators belong to no tenant."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint("email = lower(email)", name="email_lowercase"),)

    tenant_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tenants.id"), index=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(Text, info=SECRET)  # argon2id, PHC string format
    roles: Mapped[list[str]] = mapped_column(JSONB, default=list)
    producer_ids: Mapped[list[str]] = mapped_column(JSONB, default=list)
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    failed_logins: Mapped[int] = mapped_column(default=0)  # wrong passwords in a row
    locked_until: Mapped[datetime | None]
    name: Mapped[str | None] = mapped_column(String(200))
    deactivated_at: Mapped[datetime | None]
    # A deleted user's row stays, anonymised ("ex-user"), so rows naming it keep working.
    deleted_at: Mapped[datetime | None]
    totp_secret: Mapped[str | None] = mapped_column(Text, info=SEALED)  # Fernet token (Sealer)
    totp_enabled_at: Mapped[datetime | None]  # None: enrolment not confirmed (or none)
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)  # no code is accepted twice

    @property
    def status(self) -> str:
        if self.deleted_at is not None:
            return "deleted"
        return "active" if self.is_active else "deactivated"

    @property
    def mfa_enabled(self) -> bool:
        return self.totp_enabled_at is not None


class Invitation(UUIDPrimaryKey, Base):
    """A one-time link that lets its holder become a user of a tenant; only its hash is kept."""

    __tablename__ = "invitations"

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), index=True)
    email: Mapped[str] = mapped_column(String(320))
    roles: Mapped[list[str]] = mapped_column(JSONB, default=list)
    producer_ids: Mapped[list[str]] = mapped_column(JSONB, default=list)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, info=SECRET)  # sha256
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    expires_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]


class RefreshToken(UUIDPrimaryKey, Base):
    """One refresh token; each rotation adds a row to the same family (RFC 9700 section 4.14)."""

    __tablename__ = "refresh_tokens"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    family_id: Mapped[uuid.UUID] = mapped_column(index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, info=SECRET)  # sha256
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class ApiKey(UUIDPrimaryKey, Base):
    """A tenant's machine credential `mk_<prefix>_<secret>`; only sha256(secret) is kept."""

    __tablename__ = "api_keys"

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(8), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), info=SECRET)  # sha256 of the secret
    roles: Mapped[list[str]] = mapped_column(JSONB, default=list)
    scopes: Mapped[list[str]] = mapped_column(JSONB, default=lambda: ["*"])  # "catalog:read"
    # The user who made it: deactivating or deleting that user revokes it.
    user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class UsageCount(Base):
    """API requests a tenant made through the gateway in one month (YYYY-MM, UTC)."""

    __tablename__ = "usage_counts"

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    api_calls: Mapped[int] = mapped_column(BigInteger, default=0)


class PasswordReset(UUIDPrimaryKey, Base):
    """A single-use password reset token sent by email; only its sha256 is kept."""

    __tablename__ = "password_resets"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, info=SECRET)  # sha256
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class RecoveryCode(UUIDPrimaryKey, Base):
    """A single-use code that stands in for a TOTP code (lost phone); only its sha256 is kept."""

    __tablename__ = "recovery_codes"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(String(64), info=SECRET)  # sha256
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    used_at: Mapped[datetime | None]
