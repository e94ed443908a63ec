"""The city page's view: the public API's town, store and product documents turned into what
the templates show (texts in the visitor's language, prices and dates formatted, photo and buy
URLs as the browser reaches them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from machi_client.models import (
    CategoriesSection,
    PlacesSection,
    PostsSection,
    ProductsSection,
    PublicMedia,
    StoreProductsSection,
    TownProfile,
)
from machi_client.types import Unset
from web import i18n
from web.rendering import on_gateway, text

PHOTO = "landscape"  # 1200 x 628: the card and the share image (Open Graph 1.91:1)
THUMBNAIL = "thumbnail"


@dataclass(frozen=True)
class Photo:
    url: str
    alt: str
    width: int
    height: int


@dataclass(frozen=True)
class Card:
    """A product as the page shows it."""

    id: str
    slug: str
    name: str
    description: str
    price: str
    price_amount: int | None
    currency: str
    photo: Photo | None
    buy_url: str | None
    category_id: str | None = None
    variants: list[tuple[str, str]] = field(default_factory=list)
    producer: str = ""
    story: str = ""


@dataclass(frozen=True)
class Shelf:
    """One category's products (`name` empty: products in no category)."""

    name: str
    cards: list[Card]


@dataclass(frozen=True)
class Place:
    name: str
    description: str
    address: str
    map_url: str | None
    photo: Photo | None
    hours: list[tuple[str, str]] = field(default_factory=list)  # days ("holiday"), hours


@dataclass(frozen=True)
class Post:
    text: str
    when: str
    url: str | None


@dataclass(frozen=True)
class Town:
    slug: str
    name: str
    timezone: str
    currency: str
    locales: list[str]
    social_url: str | None


def town_of(profile: TownProfile) -> Town:
    return Town(
        profile.slug,
        text(profile.name) or profile.slug,
        profile.timezone,
        profile.currency,
        list(profile.locales),
        profile.social_url,
    )


def _photo(
    media: list[PublicMedia] | Unset, rendition: str, base: str, fallback_alt: str = ""
) -> Photo | None:
    if isinstance(media, Unset) or not media:
        return None
    first = media[0]
    urls = first.urls.to_dict() if not isinstance(first.urls, Unset) else {}
    url = on_gateway(urls.get(rendition) or next(iter(urls.values()), None), base)
    if url is None:
        return None
    size = (1200, 628) if rendition == PHOTO else (320, 320)
    alt = text(first.alt)
    # The client's default for a missing alt is the literal "{}" (the API's empty object).
    return Photo(url, alt if alt and alt != "{}" else fallback_alt, *size)


def card(product: Any, language: str, base: str, rendition: str = PHOTO) -> Card:
    """A public product (town page, store or product page) as a card. Its buy button is the
    tracked `/r/{code}` link only, never the store's own URL: a click that is not counted
    cannot be credited to the page, the product or its producer."""
    extra: dict[str, Any] = product.additional_properties
    producer = getattr(product, "producer", None)
    variants = [
        (text(v.name) or v.sku, i18n.price(v.price_amount, v.currency, language))
        for v in (product.variants if not isinstance(product.variants, Unset) else [])
    ]
    name = text(product.name) or product.slug
    return Card(
        id=str(product.id),
        slug=product.slug,
        name=name,
        description=text(product.description),
        price=i18n.price(product.price_amount, product.currency, language),
        price_amount=product.price_amount,
        currency=product.currency,
        photo=_photo(product.media, rendition, base, name),
        buy_url=on_gateway(product.buy_url, base),
        category_id=extra.get("category_id"),
        variants=variants,
        producer=text(producer.name) if producer and not isinstance(producer, Unset) else "",
        story=text(producer.story) if producer and not isinstance(producer, Unset) else "",
    )


def cards(section: Any, language: str, base: str) -> list[Card]:
    if not isinstance(section, ProductsSection | StoreProductsSection):
        return []
    return [card(p, language, base) for p in section.items]


def shelves(products: list[Card], section: Any) -> list[Shelf]:
    """Every product by category, in the town's order of categories; products in none last."""
    names: dict[str, str] = {}
    if isinstance(section, CategoriesSection):
        names = {str(c.id): text(c.name) or c.slug for c in section.items}
    found: dict[str, list[Card]] = {}
    for product in products:
        key = product.category_id if product.category_id in names else ""
        found.setdefault(key or "", []).append(product)
    ordered = [Shelf(names[key], found[key]) for key in names if key in found]
    return ordered + ([Shelf("", found[""])] if "" in found else [])


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


HOLIDAY = "holiday"
DASH = "\u2013"  # the en dash of ranges ("Mon-Fri" with it)


def opening_hours(periods: Any, language: str) -> list[tuple[str, str]]:
    """A place's opening periods as a visitor reads them (`("Mon-Fri", "09:00-17:00")`, with en
    dashes): days with the same hours run together, in the week's order, public holidays
    (`"holiday"`) last."""
    if not isinstance(periods, list):
        return []
    by_day: dict[str, list[str]] = {}
    for period in periods:
        if isinstance(period, dict) and period.get("day") in (*DAYS, HOLIDAY):
            hours = f"{period['opens']}{DASH}{period['closes']}"
            by_day.setdefault(period["day"], []).append(hours)
    names = i18n.day_names(language)
    runs: list[tuple[int, int, str]] = []  # first day, last day, hours
    for index, day in enumerate(DAYS):
        if day not in by_day:
            continue
        hours = ", ".join(sorted(by_day[day]))
        if runs and runs[-1][1] == index - 1 and runs[-1][2] == hours:
            runs[-1] = (runs[-1][0], index, hours)
        else:
            runs.append((index, index, hours))
    found = [
        (names[first] if first == last else f"{names[first]}{DASH}{names[last]}", hours)
        for first, last, hours in runs
    ]
    if HOLIDAY in by_day:
        found.append((HOLIDAY, ", ".join(sorted(by_day[HOLIDAY]))))
    return found


def places(section: Any, base: str, language: str = i18n.DEFAULT) -> list[Place]:
    if not isinstance(section, PlacesSection):
        return []
    found = []
    for place in section.items:
        located = place.latitude is not None and place.longitude is not None
        map_url = (
            f"https://www.openstreetmap.org/?mlat={place.latitude}&mlon={place.longitude}#map=16/"
            f"{place.latitude}/{place.longitude}"
            if located
            else None
        )
        found.append(
            Place(
                text(place.name) or place.slug,
                text(place.description),
                place.address or "",
                map_url,
                _photo(place.media, THUMBNAIL, base, text(place.name)),
                opening_hours(place.additional_properties.get("opening_hours"), language),
            )
        )
    return found


def posts(section: Any, town: Town, language: str) -> list[Post]:
    if not isinstance(section, PostsSection):
        return []
    return [
        Post(
            p.text,
            i18n.when(p.created_at, town.timezone, language),
            next(iter(p.permalinks), None) if not isinstance(p.permalinks, Unset) else None,
        )
        for p in section.items
    ]


def latest_product(section: Any) -> str | None:
    """The product the latest post introduced: the specialty of the day."""
    if not isinstance(section, PostsSection):
        return None
    latest = max(section.items, key=lambda p: p.created_at, default=None)
    found = latest.additional_properties.get("product_id") if latest else None
    return str(found) if found else None


def specialty(introduced: str | None, in_season: list[Card], everything: list[Card]) -> Card | None:
    """The specialty of the day: the latest post's product, else the first in season."""
    chosen = next((c for c in everything if c.id == introduced), None) if introduced else None
    return chosen or (in_season[0] if in_season else (everything[0] if everything else None))
