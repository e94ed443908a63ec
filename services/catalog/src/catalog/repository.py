"""Every query on producers, categories, products and variants. No commits: the boundary does."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Category, Listing, Media, Producer, Product, Variant
from kit.pagination import paginate


async def get_producer(session: AsyncSession, producer_id: uuid.UUID) -> Producer | None:
    return await session.get(Producer, producer_id)


async def producer_code_exists(session: AsyncSession, code: str) -> bool:
    found = await session.execute(select(Producer.id).where(Producer.code == code))
    return found.first() is not None


async def list_producers(
    session: AsyncSession,
    *,
    cursor: str | None,
    limit: int,
    only: Collection[uuid.UUID] | None = None,
) -> tuple[list[Producer], str | None]:
    statement = select(Producer)
    if only is not None:
        statement = statement.where(Producer.id.in_(list(only)))
    return await paginate(session, statement, Producer, cursor=cursor, limit=limit)


async def get_category(session: AsyncSession, category_id: uuid.UUID) -> Category | None:
    return await session.get(Category, category_id)


async def category_slug_exists(session: AsyncSession, slug: str) -> bool:
    found = await session.execute(select(Category.id).where(Category.slug == slug))
    return found.first() is not None


async def list_categories(
    session: AsyncSession, *, cursor: str | None, limit: int
) -> tuple[list[Category], str | None]:
    return await paginate(session, select(Category), Category, cursor=cursor, limit=limit)


async def categories_by_id(
    session: AsyncSession, ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, Category]:
    if not ids:
        return {}
    rows = await session.execute(select(Category).where(Category.id.in_(list(ids))))
    return {c.id: c for c in rows.scalars()}


async def get_product(session: AsyncSession, product_id: uuid.UUID) -> Product | None:
    return await session.get(Product, product_id)


async def slug_exists(session: AsyncSession, slug: str) -> bool:
    found = await session.execute(select(Product.id).where(Product.slug == slug))
    return found.first() is not None


@dataclass(frozen=True)
class ProductFilter:
    """What a product list is narrowed to."""

    producer_id: uuid.UUID | None = None
    only_producers: Collection[uuid.UUID] | None = None
    category_id: uuid.UUID | None = None
    status: str | None = None
    tag: str | None = None
    in_season_month: int | None = None  # with `now`: in season and inside the sale window
    now: datetime | None = None
    text: str | None = None  # normalized (catalog.i18n.normalize)


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its wildcards escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def list_products(
    session: AsyncSession, *, cursor: str | None, limit: int, where: ProductFilter
) -> tuple[list[Product], str | None]:
    statement = select(Product)
    if where.producer_id is not None:
        statement = statement.where(Product.producer_id == where.producer_id)
    if where.only_producers is not None:
        statement = statement.where(Product.producer_id.in_(list(where.only_producers)))
    if where.category_id is not None:
        statement = statement.where(Product.category_id == where.category_id)
    if where.status is not None:
        statement = statement.where(Product.status == where.status)
    if where.tag is not None:
        statement = statement.where(Product.tags.contains([where.tag]))
    if where.in_season_month is not None and where.now is not None:
        statement = statement.where(
            or_(
                Product.season_months == [], Product.season_months.contains([where.in_season_month])
            ),
            or_(Product.available_from.is_(None), Product.available_from <= where.now),
            or_(Product.available_until.is_(None), Product.available_until > where.now),
        )
    if where.text:
        # LIKE on the trigram-indexed normalized text (migration 0002, gin_trgm_ops).
        statement = statement.where(Product.search_text.like(like_pattern(where.text)))
    return await paginate(session, statement, Product, cursor=cursor, limit=limit)


async def count_published(session: AsyncSession) -> int:
    count = await session.execute(
        select(func.count()).select_from(Product).where(Product.status == "published")
    )
    return int(count.scalar_one())


async def get_variant(
    session: AsyncSession, product_id: uuid.UUID, variant_id: uuid.UUID
) -> Variant | None:
    found = await session.execute(
        select(Variant).where(and_(Variant.id == variant_id, Variant.product_id == product_id))
    )
    return found.scalar_one_or_none()


async def sku_exists(session: AsyncSession, sku: str) -> bool:
    found = await session.execute(select(Variant.id).where(Variant.sku == sku))
    return found.first() is not None


async def variants_of(
    session: AsyncSession, product_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[Variant]]:
    """Variants of each product, in position order."""
    grouped: dict[uuid.UUID, list[Variant]] = {pid: [] for pid in product_ids}
    if not product_ids:
        return grouped
    rows = await session.execute(
        select(Variant)
        .where(Variant.product_id.in_(list(product_ids)))
        .order_by(Variant.position, Variant.created_at)
    )
    for variant in rows.scalars():
        grouped[variant.product_id].append(variant)
    return grouped


async def listing_urls_of(session: AsyncSession, product_id: uuid.UUID) -> list[str]:
    """Store item URLs of a product's variants."""
    rows = await session.execute(
        select(Listing.url)
        .join(Variant, Variant.id == Listing.variant_id)
        .where(Variant.product_id == product_id, Listing.url.is_not(None))
        .order_by(Listing.created_at)
    )
    return [url for url in rows.scalars() if url]


async def existing_media(session: AsyncSession, ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
    """Which of `ids` are the tenant's media."""
    if not ids:
        return set()
    rows = await session.execute(select(Media.id).where(Media.id.in_(list(ids))))
    return set(rows.scalars())


async def all_categories(session: AsyncSession) -> list[Category]:
    rows = await session.execute(select(Category).order_by(Category.created_at, Category.id))
    return list(rows.scalars())
