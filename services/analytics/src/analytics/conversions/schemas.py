"""DTOs of conversions."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict


class ConversionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    store: str
    order_id: str
    occurred_at: datetime
    currency: str
    amount: int
    status: str
    method: str
    code: str | None
    post_id: uuid.UUID | None
    channel_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime


class WebhookResult(BaseModel):
    """What a webhook delivery did: recorded, reversed, duplicate or ignored."""

    result: str


class ImportResult(BaseModel):
    imported: int
    duplicates: int
    reversed: int
