"""Every query on categories, products and variants. No commits: the boundary does."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, and_, exists, func, or_, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, load_only

from catalog import i18n
from catalog.models import (
    Category,
    Listing,
    Media,
    Producer,
    Product,
    ProductGram,
    Storefront,
    Variant,
)
from catalog.producers.repository import public_producer_ids
from kit.pagination import paginate

Written = TypeVar("Written", Product, Variant)


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


async def get_product(
    session: AsyncSession, product_id: uuid.UUID, *, lock: bool = False
) -> Product | None:
    """A product; `lock` reads it afresh and holds it until the transaction ends."""
    return await session.get(Product, product_id, with_for_update=lock, populate_existing=lock)


async def products_by_id(
    session: AsyncSession, ids: Collection[uuid.UUID], *, lock: bool = False
) -> dict[uuid.UUID, Product]:
    """The products among `ids`, freshly read; `lock` holds them until the transaction ends."""
    if not ids:
        return {}
    statement = select(Product).where(Product.id.in_(list(ids)))
    if lock:
        statement = statement.with_for_update()
    rows = await session.execute(statement.execution_options(populate_existing=True))
    return {p.id: p for p in rows.scalars()}


@dataclass(frozen=True)
class NewProductCheck:
    """What a new product's fields meet in the tenant's rows."""

    slug_taken: bool
    skus_taken: set[str]
    category_found: bool
    media_alts: dict[uuid.UUID, dict[str, Any]]  # every one of the photos found: its alt text


async def check_new_product(
    session: AsyncSession,
    *,
    producer_id: uuid.UUID,
    slug: str,
    skus: Collection[str],
    category_id: uuid.UUID | None,
    media_ids: Collection[uuid.UUID],
) -> NewProductCheck | None:
    """Whether the slug and the SKUs are taken, the category and the photos there, or None
    without the producer: one statement for every check a new product needs (issue 15)."""
    statement = select(
        Producer.id,
        exists().where(Product.slug == slug).label("slug_taken"),
        func.array(select(Variant.sku).where(Variant.sku.in_(list(skus))).scalar_subquery()).label(
            "skus_taken"
        ),
        exists().where(Category.id == category_id).label("category_found"),
        select(func.jsonb_object_agg(Media.id, Media.alt))
        .where(Media.id.in_(list(media_ids)))
        .scalar_subquery()
        .label("media"),
    ).where(Producer.id == producer_id)
    row = (await session.execute(statement)).one_or_none()
    if row is None:
        return None
    return NewProductCheck(
        slug_taken=row.slug_taken,
        skus_taken=set(row.skus_taken),
        category_found=row.category_found,
        media_alts={uuid.UUID(k): alt or {} for k, alt in (row.media or {}).items()},
    )


@dataclass(frozen=True)
class ProductFilter:
    """What a product list is narrowed to."""

    producer_id: uuid.UUID | None = None
    only_producers: Collection[uuid.UUID] | None = None
    category_id: uuid.UUID | None = None
    status: str | None = None
    tag: str | None = None
    slug: str | None = None
    in_season_month: int | None = None  # with `now`: in season and inside the sale window
    now: datetime | None = None
    text: str | None = None  # normalized (catalog.i18n.normalize)
    public_only: bool = False  # published, and of a producer whose visibility is public
    updated_since: datetime | None = None


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
    if where.slug is not None:
        statement = statement.where(Product.slug == where.slug)
    if where.in_season_month is not None and where.now is not None:
        statement = statement.where(
            or_(
                Product.season_months == [], Product.season_months.contains([where.in_season_month])
            ),
            or_(Product.available_from.is_(None), Product.available_from <= where.now),
            or_(Product.available_until.is_(None), Product.available_until > where.now),
        )
    if where.public_only:
        statement = statement.where(
            Product.status == "published", Product.producer_id.in_(public_producer_ids())
        )
    if where.updated_since is not None:
        statement = statement.where(Product.updated_at >= where.updated_since)
    if where.text:
        statement = await _text_search(session, statement, where.text)
    return await paginate(session, statement, Product, cursor=cursor, limit=limit)


SEARCH_PROBE_ROWS = 500  # newest products a search looks at to judge how common its text is
SEARCH_DENSE_MATCHES = 25  # 5 % of the probe: a page fills quickly by walking in list order
SEARCH_GRAMS = 3  # bigrams a sparse search looks up: more only add planning time
SEARCH_GRAM_COUNT_CAP = 5000  # products counted per bigram when choosing the rarest


async def _text_search(session: AsyncSession, statement: Select[Any], text: str) -> Select[Any]:
    """`statement` narrowed to products whose search text holds `text` (migration 0005).

    The LIKE decides. A common text is found fastest by walking products in list order (a page
    fills within a few hundred rows); a rare one by looking its rarest bigrams up in
    `product_grams` (equality, which row-level security lets an index serve) and checking the
    few candidates. A one-character text has no bigram, and a text whose every bigram is in
    thousands of products has no few candidates: the walk serves both.
    """
    statement = statement.where(Product.search_text.like(i18n.like_pattern(text)))
    grams = i18n.bigrams(text)
    if not grams or await _is_common(session, text):
        return statement
    rare = await _rarest(session, grams, SEARCH_GRAMS)
    if not rare:  # every bigram is in thousands of products: fetching them is the slower way
        return statement
    first, *others = rare
    lead = aliased(ProductGram)
    candidates = select(lead.product_id).where(lead.gram == first)
    for gram in others:
        also = aliased(ProductGram)
        candidates = candidates.where(
            exists().where(also.product_id == lead.product_id, also.gram == gram)
        )
    # Materialized: the candidates come first and products are fetched by key; left to
    # itself the planner may judge the LIKE selective and scan every product instead.
    found = candidates.cte("search_candidates").prefix_with("MATERIALIZED")
    return statement.where(Product.id.in_(select(found.c.product_id)))


async def _is_common(session: AsyncSession, text: str) -> bool:
    newest = (
        select(Product.search_text)
        .order_by(Product.created_at.desc(), Product.id.desc())
        .limit(SEARCH_PROBE_ROWS)
        .subquery()
    )
    found = await session.execute(
        select(func.count()).where(newest.c.search_text.like(i18n.like_pattern(text)))
    )
    return int(found.scalar_one()) >= SEARCH_DENSE_MATCHES


async def _rarest(session: AsyncSession, grams: list[str], count: int) -> list[str]:
    """Up to `count` of `grams` with the fewest products in this tenant, leaving out those in
    SEARCH_GRAM_COUNT_CAP products or more; counted up to that cap (a few index pages per
    bigram: the planner's statistics are hidden from a role under row-level security)."""
    found = await session.execute(
        sql_text(
            "SELECT g.gram, (SELECT count(*) FROM (SELECT 1 FROM product_grams AS pg"
            " WHERE pg.gram = g.gram LIMIT :cap) AS s) AS products"
            " FROM unnest(CAST(:grams AS text[])) AS g(gram)"
        ),
        {"grams": grams, "cap": SEARCH_GRAM_COUNT_CAP},
    )
    products = {row.gram: int(row.products) for row in found}
    ranked = [g for _, g in sorted(enumerate(grams), key=lambda g: (products[g[1]], g[0]))]
    return [g for g in ranked if products[g] < SEARCH_GRAM_COUNT_CAP][:count]


async def is_public_product(session: AsyncSession, product: Product) -> bool:
    """Published, and its producer's visibility is public."""
    if product.status != "published":
        return False
    producer = await session.get(Producer, product.producer_id)
    return producer is not None and producer.visibility == "public"


async def count_published(session: AsyncSession) -> int:
    count = await session.execute(
        select(func.count()).select_from(Product).where(Product.status == "published")
    )
    return int(count.scalar_one())


async def get_variant(
    session: AsyncSession, product_id: uuid.UUID, variant_id: uuid.UUID
) -> Variant | None:
    """A product's variant (`variant_with_product` reads one to change it)."""
    statement = select(Variant).where(
        and_(Variant.id == variant_id, Variant.product_id == product_id)
    )
    found = await session.execute(statement)
    return found.scalar_one_or_none()


async def variant_with_product(
    session: AsyncSession, product_id: uuid.UUID, variant_id: uuid.UUID
) -> tuple[Product, Variant] | None:
    """A product's variant and the product, read afresh and both held until the transaction
    ends: one statement."""
    statement = (
        select(Product, Variant)
        .join(Variant, Variant.product_id == Product.id)
        .where(Product.id == product_id, Variant.id == variant_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    found = (await session.execute(statement)).one_or_none()
    return None if found is None else (found.Product, found.Variant)


async def set_columns(session: AsyncSession, row: Written, values: dict[str, Any]) -> Written:
    """Write `values` to a product or variant and read it back (its new `updated_at`) in one
    statement."""
    model = type(row)
    statement = (
        update(model)
        .where(model.id == row.id)
        .values(**values)
        .returning(model)
        .execution_options(populate_existing=True, synchronize_session=False)
    )
    written: Written = (await session.execute(statement)).scalar_one()
    return written


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
    return (await listing_urls_by_product(session, [product_id]))[product_id]


async def listing_urls_by_product(
    session: AsyncSession, product_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[str]]:
    """Store item URLs of each product's variants, in one query."""
    grouped: dict[uuid.UUID, list[str]] = {pid: [] for pid in product_ids}
    if not product_ids:
        return grouped
    rows = await session.execute(
        select(Variant.product_id, Listing.url)
        .join(Variant, Variant.id == Listing.variant_id)
        .where(Variant.product_id.in_(list(product_ids)), Listing.url.is_not(None))
        .order_by(Listing.created_at)
    )
    for product_id, url in rows:
        if url:
            grouped[product_id].append(url)
    return grouped


async def listings_of_variants(
    session: AsyncSession, variant_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[Listing, Storefront]]]:
    """Each variant's store items with their storefront, oldest first, in one query."""
    grouped: dict[uuid.UUID, list[tuple[Listing, Storefront]]] = {v: [] for v in variant_ids}
    if not variant_ids:
        return grouped
    rows = await session.execute(
        select(Listing, Storefront)
        .join(Storefront, Storefront.id == Listing.storefront_id)
        .where(Listing.variant_id.in_(list(variant_ids)))
        .order_by(Listing.created_at, Listing.id)
    )
    for listing, storefront in rows:
        grouped[listing.variant_id].append((listing, storefront))
    return grouped


@dataclass(frozen=True)
class Shown:
    """What products' answers hold of their variants."""

    variants: dict[uuid.UUID, list[Variant]]  # by product, in position order
    store_items: dict[uuid.UUID, list[tuple[Listing, Storefront]]] | None  # by variant


async def variants_shown(
    session: AsyncSession, product_ids: Sequence[uuid.UUID], *, store_items: bool
) -> Shown:
    """Each product's variants and, when `store_items`, each variant's store items with their
    storefront: one statement, however many products (issue 15). Driven by the variants'
    product ids, as `variants_of`: joined to the products instead, the planner (which sees no
    statistics under row-level security) walked every variant of the tenant per product."""
    variants: dict[uuid.UUID, list[Variant]] = {pid: [] for pid in product_ids}
    items: dict[uuid.UUID, list[tuple[Listing, Storefront]]] = {}
    if not product_ids:
        return Shown(variants, items if store_items else None)
    statement = (
        select(Variant)
        .where(Variant.product_id.in_(list(product_ids)))
        .order_by(Variant.position, Variant.created_at, Variant.id)
    )
    if store_items:
        statement = (
            statement.add_columns(Listing, Storefront)
            .outerjoin(Listing, Listing.variant_id == Variant.id)
            .outerjoin(Storefront, Storefront.id == Listing.storefront_id)
            # Only what a variant's answer shows of its store items (no credentials).
            .options(
                load_only(
                    Listing.variant_id,
                    Listing.external_id,
                    Listing.url,
                    Listing.price_amount,
                    Listing.currency,
                    Listing.stock,
                    Listing.synced_at,
                ),
                load_only(Storefront.name, Storefront.kind),
            )
            .order_by(Listing.created_at, Listing.id)
        )
    for row in await session.execute(statement):
        variant: Variant = row.Variant
        listed = variants[variant.product_id]
        if not listed or listed[-1] is not variant:
            listed.append(variant)
            items[variant.id] = []
        if store_items and row.Listing is not None:
            items[variant.id].append((row.Listing, row.Storefront))
    return Shown(variants, items if store_items else None)


async def all_categories(session: AsyncSession) -> list[Category]:
    rows = await session.execute(select(Category).order_by(Category.created_at, Category.id))
    return list(rows.scalars())
