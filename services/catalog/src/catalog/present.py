"""DTOs for one caller: translations resolved for their language, media as URLs."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from catalog.i18n import LanguagePreference
from catalog.media.alt import LibraryAlts, attachment_alt
from catalog.media.urls import media_urls
from catalog.models import Category, Listing, Producer, Product, Storefront, Variant
from catalog.producers.schemas import ProducerRead
from catalog.products.schemas import CategoryRead, ProductRead, VariantListingRead, VariantRead
from catalog.schemas import MediaAttachmentRead

# The columns a product's and a variant's answer copy as they are (the rest is computed below).
PRODUCT_COLUMNS = tuple(
    name
    for name in ProductRead.model_fields
    if name not in {"lang", "display_name", "display_description", "in_season", "media", "variants"}
)
VARIANT_COLUMNS = tuple(
    name for name in VariantRead.model_fields if name not in {"display_name", "listings"}
)


@dataclass(frozen=True)
class View:
    """How one request wants things shown."""

    language: LanguagePreference
    public_base_url: str
    timezone: ZoneInfo
    now: datetime

    @property
    def month(self) -> int:
        return self.now.astimezone(self.timezone).month


def producer(item: Producer, view: View) -> ProducerRead:
    read = ProducerRead.model_validate(item)
    read.lang, read.display_name = view.language.pick(item.name)
    return read


def public_producer(read: ProducerRead) -> ProducerRead:
    """What a visitor sees of a producer: name, kind, story, social pages; no way to reach the
    person (contact, address, position) and no internal code."""
    return read.model_copy(
        update={"contact": {}, "code": None, "address": None, "latitude": None, "longitude": None}
    )


def category(item: Category, view: View) -> CategoryRead:
    read = CategoryRead.model_validate(item)
    read.lang, read.display_name = view.language.pick(item.name)
    return read


def in_season(item: Product, view: View) -> bool:
    """In one of its season months (or all year) and inside its sale window, now."""
    if item.season_months and view.month not in item.season_months:
        return False
    if item.available_from is not None and item.available_from > view.now:
        return False
    return item.available_until is None or item.available_until > view.now


StoreItems = Mapping[uuid.UUID, list[tuple[Listing, Storefront]]]


def product(
    item: Product,
    variants: list[Variant],
    view: View,
    store_items: StoreItems | None = None,
    alts: LibraryAlts | None = None,
) -> ProductRead:
    # Rows the database checked when they were written: copied, not validated again (pydantic's
    # validation from attributes was a fifth of a 50-product list's time).
    lang, display_name = view.language.pick(item.name)
    items = store_items or {}
    return ProductRead.model_construct(
        **{name: getattr(item, name) for name in PRODUCT_COLUMNS},
        lang=lang,
        display_name=display_name,
        display_description=view.language.pick(item.description)[1],
        in_season=in_season(item, view),
        media=[media_ref(ref, view, alts) for ref in item.media],
        variants=[variant(v, view, items.get(v.id, [])) for v in variants],
    )


def media_ref(
    ref: Mapping[str, object], view: View, alts: LibraryAlts | None = None
) -> MediaAttachmentRead:
    media_id = uuid.UUID(str(ref["media_id"]))
    alt_texts = attachment_alt(ref, (alts or {}).get(media_id))
    return MediaAttachmentRead(
        media_id=media_id,
        alt=alt_texts,
        urls=media_urls(view.public_base_url, media_id),
        display_alt=view.language.pick(alt_texts)[1],
    )


def variant(
    item: Variant, view: View, store_items: list[tuple[Listing, Storefront]] | None = None
) -> VariantRead:
    return VariantRead.model_construct(
        **{name: getattr(item, name) for name in VARIANT_COLUMNS},
        display_name=view.language.pick(item.name)[1],
        listings=[listing(li, store) for li, store in store_items or []],
    )


def listing(item: Listing, store: Storefront) -> VariantListingRead:
    return VariantListingRead(
        listing_id=item.id,
        storefront_id=store.id,
        storefront_name=store.name,
        storefront_kind=store.kind,
        external_id=item.external_id,
        url=item.url,
        price_amount=item.price_amount,
        currency=item.currency,
        stock=item.stock,
        synced_at=item.synced_at,
    )
