"""HTTP DTOs of media."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from catalog.schemas import Localized, ProductStatus, Translations, _language_codes

# X takes at most 1,000 characters of alt text, the least of the platforms Machi publishes to
# (https://docs.x.com/x-api/media/create-media-metadata; Mastodon allows 1,500).
ALT_MAX_CHARS = 1000
ALT_DESCRIPTION = (
    'Alt text per language (`{"ja": ..., "ko": ..., "en": ...}`): what the photo shows, '
    "for people who cannot see it. Shown and published wherever the photo is used, in the "
    "page's or post's language; a product's own alt text for the photo fills the languages "
    "this has none for."
)


class MediaRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    content_type: str
    width: int
    height: int
    size_bytes: int
    filename: str | None
    alt: Translations = Field(default={}, description=ALT_DESCRIPTION)
    created_at: datetime
    updated_at: datetime
    urls: dict[str, str] = {}


class MediaUpdate(BaseModel):
    """Alt text to set: each language given replaces that language's text; an empty text
    removes it; languages not given stay as they are."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"alt": {"ja": "皿に盛った熟成黒にんにく", "en": ""}}]},
    )

    alt: Translations = Field(max_length=20)

    @field_validator("alt")
    @classmethod
    def _alt(cls, value: Translations) -> Translations:
        for lang, text in _language_codes(value).items():
            if len(text) > ALT_MAX_CHARS:
                raise ValueError(f"alt text in {lang!r} is longer than {ALT_MAX_CHARS} characters")
        return value


class MediaProductUse(Localized):
    """A product showing the photo."""

    id: uuid.UUID
    slug: str
    name: Translations
    status: ProductStatus


class MediaPlaceUse(Localized):
    """A place showing the photo."""

    id: uuid.UUID
    slug: str
    name: Translations
    status: ProductStatus


class MediaUsage(BaseModel):
    """Where the photo is used: the products and places it is attached to (those the caller
    may see). Posts keep their own copy of the URL and are not listed."""

    products: list[MediaProductUse] = []
    places: list[MediaPlaceUse] = []


class MediaDetail(MediaRead):
    usage: MediaUsage = MediaUsage()
