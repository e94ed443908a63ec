"""Webhook endpoints of a tenant and the deliveries owed to them (gateway database, no RLS:
every query filters by tenant, as for the other control-plane tables)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from gateway.base import Base
from kit.db import Timestamps, UUIDPrimaryKey
from kit.secrets import SEALED

STATUSES = ("pending", "succeeded", "failed")


class WebhookEndpoint(UUIDPrimaryKey, Timestamps, Base):
    """A partner's URL and the event types it wants; its signing secret is sealed."""

    __tablename__ = "webhook_endpoints"

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(String(200), default="")
    event_types: Mapped[list[str]] = mapped_column(JSONB, default=list)
    enabled: Mapped[bool] = mapped_column(default=True)
    secret: Mapped[bytes] = mapped_column(LargeBinary, info=SEALED)  # "whsec_..." sealed
    # The notice when the sender gave up on the endpoint and disabled it.
    disabled_at: Mapped[datetime | None]
    disabled_reason: Mapped[str | None] = mapped_column(Text)


class WebhookDelivery(UUIDPrimaryKey, Timestamps, Base):
    """One event owed to one endpoint: its id is the `webhook-id` of every attempt."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("endpoint_id", "event_id"),  # once per event per endpoint
        CheckConstraint("status IN ('pending', 'succeeded', 'failed')", name="status"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), index=True
    )
    endpoint_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE")
    )
    event_id: Mapped[uuid.UUID]
    event_type: Mapped[str] = mapped_column(String(64))  # the public name: delivery.published
    body: Mapped[dict[str, Any]]  # what is posted, fixed once so every attempt sends the same
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    last_status_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(String(200))
    next_attempt_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]

    @property
    def webhook_id(self) -> str:
        """The Standard Webhooks message id: the same on every attempt and redelivery."""
        return f"msg_{self.id.hex}"
