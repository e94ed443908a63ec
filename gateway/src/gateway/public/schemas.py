"""The public pages' bodies as the OpenAPI document describes them (`gateway.public.service`
composes them from the services' answers; these models only document them).

Text in several languages arrives reduced to the visitor's language (`localize`): a string, or
`{}` when the object has no such text. Objects keep any further fields the services add.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

LocalText = str | dict[str, str]
LOCAL_TEXT = "The text in the visitor's language; `{}` when there is none."


class Open(BaseModel):
    """Further fields the services add are kept."""

    model_config = ConfigDict(extra="allow")


class TownProfile(Open):
    slug: str
    name: LocalText = Field(description=LOCAL_TEXT)
    population: int | None
    timezone: str
    currency: str
    locales: list[str]
    social_url: str | None = Field(description="The town's main social account (its homepage).")


class PublicMedia(Open):
    media_id: uuid.UUID
    alt: LocalText = Field(default={}, description=LOCAL_TEXT)
    urls: dict[str, str] = Field(default={}, description="Rendition name -> public URL.")


class PublicVariant(Open):
    id: uuid.UUID
    sku: str
    name: LocalText = Field(description=LOCAL_TEXT)
    price_amount: int
    currency: str
    stock: int | None


class PublicListing(Open):
    id: uuid.UUID
    variant_id: uuid.UUID
    storefront_id: uuid.UUID
    url: str | None
    price_amount: int | None
    currency: str | None
    stock: int | None


class PublicProduct(Open):
    id: uuid.UUID
    slug: str
    name: LocalText = Field(description=LOCAL_TEXT)
    description: LocalText = Field(description=LOCAL_TEXT)
    price_amount: int | None
    currency: str
    media: list[PublicMedia] = []
    variants: list[PublicVariant] = []
    buy_url: str | None = Field(description="The tracked `/r/{code}` path to the store, if any.")


class PublicProducer(Open):
    id: uuid.UUID
    kind: str
    name: LocalText = Field(description=LOCAL_TEXT)
    story: LocalText = Field(description=LOCAL_TEXT)


class PublicCategory(Open):
    id: uuid.UUID
    slug: str
    name: LocalText = Field(description=LOCAL_TEXT)
    parent_id: uuid.UUID | None = None


class StoreProduct(PublicProduct):
    listings: list[PublicListing] = Field(description="Where each variant is sold.")
    producer: PublicProducer | None = Field(
        default=None, description="Who makes it, with their story (public producers only)."
    )


class PublicPost(Open):
    id: uuid.UUID
    text: str
    url: str | None = None
    created_at: datetime
    permalinks: list[str] = Field(default=[], description="The post on each platform.")


class PublicPlace(Open):
    id: uuid.UUID
    slug: str
    kind: str
    name: LocalText = Field(description=LOCAL_TEXT)
    description: LocalText = Field(description=LOCAL_TEXT)
    address: str | None
    latitude: float | None
    longitude: float | None
    media: list[PublicMedia] = []


class Unavailable(BaseModel):
    """The service behind this section did not answer; the rest of the page did."""

    available: Literal[False]


class PostsSection(BaseModel):
    available: Literal[True]
    items: list[PublicPost]


class ProductsSection(BaseModel):
    available: Literal[True]
    items: list[PublicProduct]


class StoreProductsSection(BaseModel):
    available: Literal[True]
    items: list[StoreProduct]


class PlacesSection(BaseModel):
    available: Literal[True]
    items: list[PublicPlace]


class CategoriesSection(BaseModel):
    available: Literal[True]
    items: list[PublicCategory]


class AvailableProduct(StoreProduct):
    available: Literal[True]


class TownPage(BaseModel):
    """The city page: profile, latest posts, in-season products with buy links, places."""

    town: TownProfile
    posts: PostsSection | Unavailable
    products: ProductsSection | Unavailable
    places: PlacesSection | Unavailable


class StorePage(BaseModel):
    """The storefront: published products with their producer, listings and buy links, and the
    town's categories (a product's `category_id` names one)."""

    town: TownProfile
    products: StoreProductsSection | Unavailable
    categories: CategoriesSection | Unavailable = Field(
        default_factory=lambda: Unavailable(available=False)
    )


class ProductPage(BaseModel):
    """One published product with its listings and buy link."""

    town: TownProfile
    product: AvailableProduct | Unavailable
