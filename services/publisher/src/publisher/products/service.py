"""The products read model: what templates and tracked links need from the catalog."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.catalog import ProductArchivedV1, ProductPublishedV1, ProductUpdatedV1
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
        },
    )


async def forget_archived(session: AsyncSession, product: ProductArchivedV1) -> None:
    """An archived product is no longer offered to new posts and campaigns."""
    row = await repository.get(session, product.product_id)
    if row is not None:
        row.status = "archived"


def is_offered(product: Product | None) -> bool:
    return product is not None and product.status != "archived"


def localized(values: dict[str, str], language: str, fallback: str = "") -> str:
    """`values[language]`, else the first value, else `fallback`."""
    return values.get(language) or next(iter(values.values()), fallback)


def price_text(product: Product) -> str:
    """The lowest price, as a town would print it (yen have no minor unit)."""
    if not product.prices:
        return ""
    cheapest = min(product.prices, key=lambda p: int(p["amount"]))
    amount, currency = int(cheapest["amount"]), str(cheapest["currency"])
    if currency == "JPY":
        return f"¥{amount:,}"
    return f"{amount / 100:,.2f} {currency}"


def storefront_url(product: Product) -> str | None:
    return str(product.storefront_urls[0]) if product.storefront_urls else None
