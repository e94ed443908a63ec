"""Users, invitations, password resets and second-factor recovery codes."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from gateway.base import Base
from kit.db import UUIDPrimaryKey
from kit.export import SECRET
from kit.secrets import SEALED


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
    language: Mapped[str | None] = mapped_column(String(8))  # the console's, chosen by the user

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
