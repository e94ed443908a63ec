"""DTO pieces every catalog feature shares: translated text, slugs, statuses, media attachments."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, Field

from catalog.money import is_currency

ProductStatus = Literal["draft", "published", "archived"]
Translations = dict[str, str]
Slug = Field(min_length=1, max_length=120, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _has_text(value: Translations) -> Translations:
    if not any(v.strip() for v in value.values()):
        raise ValueError("needs text in at least one language")
    return _language_codes(value)


def _language_codes(value: Translations) -> Translations:
    for lang in value:
        if not 2 <= len(lang) <= 8:
            raise ValueError(f"{lang!r} is not a language code")
    return value


def _optional_text(value: Translations | None) -> Translations | None:
    return None if value is None else _has_text(value)


def _currency(value: str | None) -> str | None:
    if value is not None and not is_currency(value):
        raise ValueError(f"{value!r} is not a currency this catalog prices in")
    return value


def _months(value: list[int] | None) -> list[int] | None:
    if value is None:
        return None
    if any(not 1 <= m <= 12 for m in value):
        raise ValueError("months are 1 to 12")
    return sorted(set(value))


class Localized(BaseModel):
    """The text chosen for the caller's language (see `catalog.i18n`)."""

    lang: str | None = None
    display_name: str | None = None


class MediaAttachment(BaseModel):
    media_id: uuid.UUID
    alt: Translations = {}


class MediaAttachmentRead(MediaAttachment):
    urls: dict[str, str] = {}
    display_alt: str | None = None
