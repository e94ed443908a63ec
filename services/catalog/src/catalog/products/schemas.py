"""HTTP DTOs of categories, products and variants."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from catalog.schemas import (
    Localized,
    MediaAttachment,
    MediaAttachmentRead,
    Slug,
    Translations,
    _currency,
    _has_text,
    _language_codes,
    _months,
    _optional_text,
)

Unit = Literal["g", "kg", "ml", "l", "piece", "set"]


# --- categories ----------------------------------------------------------------------------


class CategoryCreate(BaseModel):
    slug: str = Slug
    name: Translations
    parent_id: uuid.UUID | None = None

    _name = field_validator("name")(_has_text)


class CategoryUpdate(BaseModel):
    """A category's new name (the slug stays: addresses and imports name it)."""

    name: Translations | None = None

    _name = field_validator("name")(_optional_text)


class CategoryRead(Localized):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    slug: str
    name: Translations
    parent_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime


# --- variants ------------------------------------------------------------------------------


class VariantCreate(BaseModel):
    sku: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._\-/]+$")
    name: Translations = {}
    unit: Unit = "piece"
    quantity: int = Field(default=1, gt=0, description="How many units: 200 with unit g")
    price_amount: int = Field(ge=0, description="Minor units (¥1,980 = 1980)")
    currency: str = "JPY"
    stock: int | None = Field(default=None, ge=0)
    made_to_order: bool = False
    weight_grams: int | None = Field(default=None, gt=0, description="Shipping weight")

    _currency = field_validator("currency")(_currency)
    _name = field_validator("name")(_language_codes)


class VariantUpdate(BaseModel):
    name: Translations | None = None
    unit: Unit | None = None
    quantity: int | None = Field(default=None, gt=0)
    price_amount: int | None = Field(default=None, ge=0)
    currency: str | None = None
    stock: int | None = Field(default=None, ge=0)
    made_to_order: bool | None = None
    weight_grams: int | None = Field(default=None, gt=0)

    _currency = field_validator("currency")(_currency)


class VariantListingRead(BaseModel):
    """Where a variant is sold: one item of one storefront (`/v1/listings`)."""

    listing_id: uuid.UUID
    storefront_id: uuid.UUID
    storefront_name: str
    storefront_kind: str
    external_id: str = Field(description="The store's item id")
    url: str | None = Field(description="The item's page in the store: the buy link")
    price_amount: int | None
    currency: str | None
    stock: int | None
    synced_at: datetime | None


class VariantRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    sku: str
    name: Translations
    unit: str
    quantity: int
    price_amount: int
    currency: str
    stock: int | None
    made_to_order: bool
    weight_grams: int | None
    created_at: datetime
    updated_at: datetime
    display_name: str | None = None
    listings: list[VariantListingRead] = Field(
        default=[], description="Where it is sold, with each store item's URL (signed-in callers)"
    )


# --- products ------------------------------------------------------------------------------


class ProductCreate(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "producer_id": "00000000-0000-4000-8000-000000000001",
                    "slug": "aged-black-garlic",
                    "name": {"ja": "武雄の熟成黒にんにく", "en": "Takeo aged black garlic"},
                    "description": {"ja": "じっくり熟成させた甘い黒にんにく。"},
                    "price_amount": 1980,
                    "currency": "JPY",
                    "tags": ["garlic", "gift"],
                    "season_months": [10, 11, 12],
                    "variants": [{"sku": "BG-200", "price_amount": 1980}],
                }
            ]
        }
    )

    producer_id: uuid.UUID
    slug: str = Slug
    name: Translations
    description: Translations = {}
    price_amount: int | None = Field(default=None, ge=0, description="Minor units (¥1,980 = 1980)")
    currency: str = Field(default="JPY", pattern=r"^[A-Z]{3}$")
    category_id: uuid.UUID | None = None
    tags: list[str] = Field(default=[], max_length=50)
    season_months: list[int] = Field(default=[], description="1-12; empty: all year")
    available_from: datetime | None = None
    available_until: datetime | None = None
    media: list[MediaAttachment] = Field(default=[], max_length=30)
    variants: list[VariantCreate] = Field(default=[], max_length=100)

    _name = field_validator("name")(_has_text)
    _description = field_validator("description")(_language_codes)
    _months = field_validator("season_months")(_months)

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        return _clean_tags(value)

    @model_validator(mode="after")
    def _window(self) -> ProductCreate:
        _check_window(self.available_from, self.available_until)
        return self


class ProductUpdate(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"price_amount": 2180, "season_months": [11, 12]}]}
    )

    name: Translations | None = None
    description: Translations | None = None
    price_amount: int | None = Field(default=None, ge=0)
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    category_id: uuid.UUID | None = None
    tags: list[str] | None = Field(default=None, max_length=50)
    season_months: list[int] | None = None
    available_from: datetime | None = None
    available_until: datetime | None = None
    media: list[MediaAttachment] | None = Field(default=None, max_length=30)

    _name = field_validator("name")(_optional_text)
    _months = field_validator("season_months")(_months)

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else _clean_tags(value)

    @model_validator(mode="after")
    def _window(self) -> ProductUpdate:
        _check_window(self.available_from, self.available_until)
        return self


def _clean_tags(value: list[str]) -> list[str]:
    tags = [t.strip().lower() for t in value if t.strip()]
    if any(len(t) > 64 for t in tags):
        raise ValueError("a tag is at most 64 characters")
    return list(dict.fromkeys(tags))


def _check_window(start: datetime | None, end: datetime | None) -> None:
    if start is not None and end is not None and end <= start:
        raise ValueError("available_until must be after available_from")


class ProductRead(Localized):
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
    archived_at: datetime | None = None
    created_at: datetime
    updated_at: datetime
    category_id: uuid.UUID | None = None
    tags: list[str] = []
    season_months: list[int] = []
    available_from: datetime | None = None
    available_until: datetime | None = None
    in_season: bool = True
    media: list[MediaAttachmentRead] = []
    variants: list[VariantRead] = []
    display_description: str | None = None


MAX_BULK_PUBLISH = 500


class ProductBulkPublish(BaseModel):
    """Products to publish together: all of them, or none."""

    ids: list[uuid.UUID] = Field(min_length=1, max_length=MAX_BULK_PUBLISH)


class ProductBulkPublishRead(BaseModel):
    """The products asked for, in the order asked, and which of them this call published."""

    items: list[ProductRead]
    published: list[uuid.UUID] = Field(description="Ids that were drafts and are now published")
