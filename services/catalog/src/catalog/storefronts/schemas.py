"""HTTP DTOs of storefronts and listings."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from catalog.money import is_currency
from catalog.storefronts import generic, shopify, woocommerce

StoreKind = Literal["generic", "shopify", "woocommerce"]
REQUIRED_CREDENTIALS: dict[str, tuple[str, ...]] = {
    "generic": generic.CREDENTIALS,
    "shopify": shopify.CREDENTIALS,
    "woocommerce": woocommerce.CREDENTIALS,
}


class StorefrontCreate(BaseModel):
    kind: StoreKind
    name: str = Field(min_length=1, max_length=200)
    api_base_url: HttpUrl | None = Field(
        default=None, examples=["https://takeo-shop.myshopify.com"]
    )
    item_url_template: str | None = Field(
        default=None,
        max_length=500,
        examples=["https://store.shopping.yahoo.co.jp/{store}/{item}.html"],
        description="Public item URL; {item} is the store's item id, {store} the `store` below",
    )
    store: str | None = Field(default=None, max_length=100, description="Fills {store}")
    currency: str = "JPY"
    credentials: dict[str, str] | None = Field(
        default=None, description="shopify: access_token; woocommerce: consumer_key/secret"
    )

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str) -> str:
        if not is_currency(value):
            raise ValueError(f"{value!r} is not a currency this catalog prices in")
        return value

    @model_validator(mode="after")
    def _kind_needs(self) -> StorefrontCreate:
        if self.kind == "generic" and not self.item_url_template:
            raise ValueError("a generic store needs item_url_template")
        if self.kind != "generic" and self.api_base_url is None:
            raise ValueError(f"a {self.kind} store needs api_base_url")
        missing = [
            k for k in REQUIRED_CREDENTIALS[self.kind] if not (self.credentials or {}).get(k)
        ]
        if missing:
            raise ValueError(f"credentials need {', '.join(missing)}")
        return self


class StorefrontRead(BaseModel):
    """A storefront; its credentials never leave the service."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: str
    name: str
    api_base_url: str | None
    item_url_template: str | None
    currency: str
    has_credentials: bool = False
    last_synced_at: datetime | None
    last_sync_error: str | None
    created_at: datetime
    updated_at: datetime


class ListingCreate(BaseModel):
    storefront_id: uuid.UUID
    variant_id: uuid.UUID
    external_id: str = Field(min_length=1, max_length=200, description="The store's item id")
    url: HttpUrl | None = None
    price_amount: int | None = Field(default=None, ge=0)
    stock: int | None = Field(default=None, ge=0)


class ListingRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    storefront_id: uuid.UUID
    variant_id: uuid.UUID
    external_id: str
    url: str | None
    price_amount: int | None
    currency: str | None
    stock: int | None
    synced_at: datetime | None
    created_at: datetime
    updated_at: datetime


class SyncReport(BaseModel):
    """What one sync saw and changed."""

    storefront_id: uuid.UUID
    items_seen: int
    listings_linked: int
    listings_changed: int
