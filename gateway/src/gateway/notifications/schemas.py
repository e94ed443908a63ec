"""DTOs of the notifications."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from kit.pagination import Page


class NotificationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: str = Field(description="What happened: `channel.needs_reauth`")
    data: dict[str, Any] = Field(description="channel_id, platform, name, reason")
    created_at: datetime
    read_at: datetime | None


class NotificationPage(Page[NotificationRead]):
    unread: int = Field(description="The caller's unread notices, on every page")


class NotificationsRead(BaseModel):
    read: int = Field(description="Notices this call marked read")
