"""The products read model: what templates and tracked links need from the catalog."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.catalog import (
    ProductArchivedV1,
    ProductPublishedV1,
    ProductUpdatedV1,
    StockChangedV1,
)
from publisher.models import Product
from publisher.products import repository


async def remember_published(
    session: AsyncSession, product: ProductPublishedV1 | ProductUpdatedV1
) -> None:
    """Keep the product's names, prices, store and media URLs (published or changed)."""
    await repository.upsert(
        session,
        product.product_id,
        {
            "producer_id": product.producer_id,
            "slug": product.slug,
            "name": product.name,
            "producer_name": product.producer_name,
            "story": product.description or product.producer_story,
            "prices": [p.model_dump() for p in product.prices],
            "storefront_urls": product.storefront_urls,
            "media_urls": product.media_urls,
            "media": [m.model_dump(mode="json") for m in product.media],
            "status": getattr(product, "status", "published"),
            "category": product.category,
            "season_months": list(product.season_months),
            "available_from": product.available_from,
            "available_until": product.available_until,
            "stock": dict(product.stock),
        },
    )


async def remember_stock(session: AsyncSession, change: StockChangedV1) -> None:
    """A variant's stock moved (in the catalog or in a store): campaigns skip what sold out."""
    row = await repository.get(session, change.product_id)
    if row is not None:
        row.stock = {**(row.stock or {}), str(change.variant_id): change.stock}


async def forget_archived(session: AsyncSession, product: ProductArchivedV1) -> None:
    """An archived product is no longer offered to new posts and campaigns."""
    row = await repository.get(session, product.product_id)
    if row is not None:
        row.status = "archived"


def is_offered(product: Product | None) -> bool:
    return product is not None and product.status != "archived"


def sold_out(product: Product) -> bool:
    """Every variant counted and none left (a made-to-order or uncounted one never sells out)."""
    counts = list((product.stock or {}).values())
    return bool(counts) and all(c is not None and c <= 0 for c in counts)


def unavailable(product: Product | None) -> str | None:
    """Why a post about `product` must not go out now (None: it may)."""
    if product is None:
        return "the product is not published"
    if product.status == "archived":
        return "the product is archived"
    if sold_out(product):
        return "the product is sold out"
    return None


def in_season(product: Product, now: datetime, month: int) -> bool:
    """In one of its season months (or all year) and inside its sale window (the catalog's
    rule, `catalog.present.in_season`)."""
    if product.season_months and month not in product.season_months:
        return False
    if product.available_from is not None and product.available_from > now:
        return False
    return product.available_until is None or product.available_until > now


def localized(values: dict[str, str], language: str, fallback: str = "") -> str:
    """`values[language]`, else the first value, else `fallback`."""
    return values.get(language) or next(iter(values.values()), fallback)


# How a town prints a price, per currency and language: the yen and the won have no minor unit
# (their amounts are whole); others print two decimals after their code.
_PRICE_FORMATS: dict[tuple[str, str], str] = {
    ("JPY", "ja"): "{amount:,}円",
    ("JPY", "ko"): "{amount:,}엔",
    ("JPY", "*"): "¥{amount:,}",
    ("KRW", "ko"): "{amount:,}원",
    ("KRW", "*"): "₩{amount:,}",
}


def price_text(product: Product, language: str = "en") -> str:
    """The lowest price in its currency, as the post's language prints it."""
    if not product.prices:
        return ""
    cheapest = min(product.prices, key=lambda p: int(p["amount"]))
    amount, currency = int(cheapest["amount"]), str(cheapest["currency"])
    pattern = _PRICE_FORMATS.get((currency, language)) or _PRICE_FORMATS.get((currency, "*"))
    if pattern is not None:
        return pattern.format(amount=amount)
    return f"{amount / 100:,.2f} {currency}"


def storefront_url(product: Product) -> str | None:
    return str(product.storefront_urls[0]) if product.storefront_urls else None
