"""HTTP DTOs of the catalog."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

ProducerKind = Literal["farm", "fishery", "maker", "shop", "inn", "restaurant", "workshop"]
Translations = dict[str, str]


def _has_text(value: Translations) -> Translations:
    if not any(v.strip() for v in value.values()):
        raise ValueError("needs text in at least one language")
    for lang in value:
        if not 2 <= len(lang) <= 8:
            raise ValueError(f"{lang!r} is not a language code")
    return value


class ProducerCreate(BaseModel):
    kind: ProducerKind
    name: Translations = Field(
        examples=[{"ja": "武雄黒にんにく農園", "en": "Takeo Black Garlic Farm"}]
    )
    story: Translations = {}

    _name = field_validator("name")(_has_text)


class ProducerRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: str
    name: Translations
    story: Translations
    created_at: datetime


class ProductCreate(BaseModel):
    producer_id: uuid.UUID
    slug: str = Field(min_length=1, max_length=120, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    name: Translations
    description: Translations = {}
    price_amount: int | None = Field(default=None, ge=0, description="Minor units (¥1,980 = 1980)")
    currency: str = Field(default="JPY", pattern=r"^[A-Z]{3}$")

    _name = field_validator("name")(_has_text)


class ProductRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    producer_id: uuid.UUID
    slug: str
    name: Translations
    description: Translations
    price_amount: int | None
    currency: str
    status: str
    published_at: datetime | None
    created_at: datetime
