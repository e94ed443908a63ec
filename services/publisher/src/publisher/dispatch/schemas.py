"""HTTP DTOs of deliveries and their attempts."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class DeliveryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    post_id: uuid.UUID
    channel_id: uuid.UUID
    platform: str
    state: str
    due_at: datetime
    next_attempt_at: datetime | None
    attempts: int
    link_code: str | None
    short_url: str | None
    link_ready: bool
    platform_post_id: str | None
    permalink: str | None
    published_at: datetime | None
    error_category: str | None
    error_message: str | None
    product_id: uuid.UUID | None
    campaign_id: uuid.UUID | None
    estimated_messages: int | None = None
    retryable: bool = Field(
        default=False,
        description="Failed before the platform's publish call: POST .../retry may send it again.",
    )
    created_at: datetime
    updated_at: datetime


class AttemptRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    phase: str
    outcome: str
    http_status: int | None
    code: str | None
    subcode: str | None
    message: str | None
    duration_ms: int
    rate_limit: dict[str, Any]
    at: datetime
