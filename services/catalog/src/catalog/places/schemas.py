"""HTTP DTOs of places (tourist spots)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from catalog.schemas import (
    Localized,
    MediaAttachment,
    MediaAttachmentRead,
    Slug,
    Translations,
    _has_text,
)

PlaceKind = Literal[
    "onsen", "library", "shrine", "temple", "festival", "park", "museum", "castle", "view", "other"
]
Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun", "holiday"]
Clock = Field(pattern=r"^([01]\d|2[0-4]):[0-5]\d$", examples=["09:00"])


class OpeningHours(BaseModel):
    """One opening period; a day may have several. Closing past midnight: closes < opens."""

    day: Day
    opens: str = Clock
    closes: str = Clock


class PlaceCreate(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "slug": "takeo-onsen-romon",
                    "kind": "onsen",
                    "name": {"ja": "武雄温泉楼門", "en": "Takeo Onsen Romon Gate"},
                    "address": "佐賀県武雄市武雄町武雄7425",
                    "latitude": 33.1937,
                    "longitude": 130.0186,
                    "opening_hours": [{"day": "mon", "opens": "06:30", "closes": "24:00"}],
                }
            ]
        }
    )

    slug: str = Slug
    kind: PlaceKind
    name: Translations
    description: Translations = {}
    address: str | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    opening_hours: list[OpeningHours] = Field(default=[], max_length=50)
    media: list[MediaAttachment] = Field(default=[], max_length=30)
    related_product_ids: list[uuid.UUID] = Field(default=[], max_length=50)

    _name = field_validator("name")(_has_text)


class PlaceUpdate(BaseModel):
    kind: PlaceKind | None = None
    name: Translations | None = None
    description: Translations | None = None
    address: str | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    opening_hours: list[OpeningHours] | None = Field(default=None, max_length=50)
    media: list[MediaAttachment] | None = Field(default=None, max_length=30)
    related_product_ids: list[uuid.UUID] | None = Field(default=None, max_length=50)


class PlaceRead(Localized):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    slug: str
    kind: str
    name: Translations
    description: Translations
    address: str | None
    latitude: float | None
    longitude: float | None
    opening_hours: list[OpeningHours]
    media: list[MediaAttachmentRead]
    related_product_ids: list[uuid.UUID]
    status: str
    published_at: datetime | None
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime
    display_description: str | None = None
