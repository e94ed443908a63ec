"""HTTP DTOs of producers."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from catalog.schemas import Localized, Translations, _has_text, _language_codes, _optional_text

ProducerKind = Literal["farm", "fishery", "maker", "shop", "inn", "restaurant", "workshop"]
Visibility = Literal["public", "only_through_links", "hidden"]


class ProducerCreate(BaseModel):
    kind: ProducerKind
    name: Translations = Field(
        examples=[{"ja": "武雄黒にんにく農園", "en": "Takeo Black Garlic Farm"}]
    )
    story: Translations = {}
    code: str | None = Field(default=None, min_length=1, max_length=64)
    address: str | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    contact: dict[str, str] = Field(default={}, examples=[{"phone": "0954-00-0000"}])
    social: dict[str, str] = Field(default={}, examples=[{"instagram": "takeo_garlic"}])
    visibility: Visibility = "public"

    _name = field_validator("name")(_has_text)
    _story = field_validator("story")(_language_codes)


class ProducerUpdate(BaseModel):
    kind: ProducerKind | None = None
    name: Translations | None = None
    story: Translations | None = None
    code: str | None = Field(default=None, min_length=1, max_length=64)
    address: str | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    contact: dict[str, str] | None = None
    social: dict[str, str] | None = None
    visibility: Visibility | None = None

    _name = field_validator("name")(_optional_text)


class ProducerRead(Localized):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: str
    name: Translations
    story: Translations
    code: str | None = None
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    contact: dict[str, str] = {}
    social: dict[str, str] = {}
    visibility: str = "public"
    created_at: datetime
    updated_at: datetime
