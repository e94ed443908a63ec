"""The audit log's one table: a row per recorded action, written once and never changed."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Index, SmallInteger, String, Text, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from gateway.base import Base
from kit.db import UUIDPrimaryKey


class AuditEvent(UUIDPrimaryKey, Base):
    """Who did what to which target, when, from where, under which request id.

    No foreign keys: a record outlives the user, key or tenant it names. `before` and `after`
    hold a settings document around a change, secrets redacted."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_created_at", "created_at"),
        Index("ix_audit_events_tenant_created_at", "tenant_id", "created_at"),
    )

    # clock_timestamp: records of one transaction keep the order they were made in.
    created_at: Mapped[datetime] = mapped_column(server_default=text("clock_timestamp()"))
    tenant_id: Mapped[uuid.UUID | None]
    actor: Mapped[str] = mapped_column(String(100))  # `user:<id>`, `key:<id>`, `anonymous:...`
    action: Mapped[str] = mapped_column(String(64))  # `post.approved`, `auth.login_failed`
    target: Mapped[str] = mapped_column(Text, default="")  # `post:<id>`, `email:a@b.example`
    status: Mapped[int | None] = mapped_column(SmallInteger)  # the answer's HTTP status
    ip: Mapped[str] = mapped_column(String(64), default="")
    request_id: Mapped[str] = mapped_column(String(128), default="")
    method: Mapped[str] = mapped_column(String(8), default="")
    path: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[Any | None] = mapped_column(JSONB)
    after: Mapped[Any | None] = mapped_column(JSONB)
