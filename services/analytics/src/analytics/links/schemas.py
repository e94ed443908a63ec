"""DTOs of tracked links."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

CODE_PATTERN = r"^[A-Za-z0-9_-]{4,64}$"


class LinkCreate(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "destination": "https://store.shopping.yahoo.co.jp/takeo/aged-black-garlic.html",
                    "utm": {"utm_source": "facebook", "utm_campaign": "fun-buy-takeo"},
                    "product_id": "00000000-0000-4000-8000-000000000001",
                }
            ]
        }
    )

    destination: str = Field(max_length=2048)
    code: str | None = Field(default=None, pattern=CODE_PATTERN)
    utm: dict[str, str] = {}
    post_id: uuid.UUID | None = None
    channel_id: uuid.UUID | None = None
    platform: str | None = None
    product_id: uuid.UUID | None = None
    producer_id: uuid.UUID | None = None
    place_id: uuid.UUID | None = None
    campaign_id: uuid.UUID | None = None
    coupon_code: str | None = Field(default=None, max_length=64)
    expires_at: datetime | None = None


class LinkUpdate(BaseModel):
    """Only the fields given change."""

    destination: str | None = Field(default=None, max_length=2048)
    utm: dict[str, str] | None = None
    coupon_code: str | None = Field(default=None, max_length=64)
    expires_at: datetime | None = None


class LinkRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str
    short_url: str = ""
    destination: str
    utm: dict[str, str]
    delivery_id: uuid.UUID | None
    post_id: uuid.UUID | None
    channel_id: uuid.UUID | None
    platform: str | None
    product_id: uuid.UUID | None
    producer_id: uuid.UUID | None
    place_id: uuid.UUID | None
    campaign_id: uuid.UUID | None
    coupon_code: str | None
    expires_at: datetime | None
    created_at: datetime
    updated_at: datetime
    clicks: int | None = Field(
        default=None, description="Human clicks so far (lists, for the town's users only)."
    )
