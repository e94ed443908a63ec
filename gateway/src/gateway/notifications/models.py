"""Notices to the people of a town, made from events (gateway database, no RLS: every query
filters by tenant and person)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gateway.base import Base
from kit.db import Timestamps, UUIDPrimaryKey

MAIL_STATUSES = ("pending", "sent", "failed")


class Notification(UUIDPrimaryKey, Timestamps, Base):
    """One notice to one person, in the console until they mark it read, and by mail once."""

    __tablename__ = "notifications"
    __table_args__ = (
        UniqueConstraint("user_id", "event_id"),  # one notice per person per event
        CheckConstraint("mail_status IN ('pending', 'sent', 'failed')", name="mail_status"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    event_id: Mapped[uuid.UUID]
    kind: Mapped[str] = mapped_column(String(64))  # channel.needs_reauth
    data: Mapped[dict[str, Any]]  # what the notice says, fixed when it was made
    read_at: Mapped[datetime | None]
    mail_status: Mapped[str] = mapped_column(String(16), default="pending")
    mail_attempts: Mapped[int] = mapped_column(default=0)
    mail_next_at: Mapped[datetime | None]  # when the mailer may (re)try; a lease while at it
    mailed_at: Mapped[datetime | None]
