"""Category, product and variant use cases: load, check, change, record the event.

Never commits: the request's session dependency does.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy.ext.asyncio import AsyncSession

from catalog import access, i18n
from catalog.errors import (
    CategoryNotFound,
    MediaNotFound,
    NotPublishable,
    ProducerNotFound,
    ProductNotFound,
    ProductsNotPublishable,
    SkuTaken,
    SlugTaken,
    VariantNotFound,
)
from catalog.media import repository as media_repo
from catalog.media.alt import media_ids
from catalog.media.urls import event_media, media_urls
from catalog.models import Category, Product, Variant
from catalog.producers import repository as producers_repo
from catalog.products import repository
from catalog.products.schemas import (
    CategoryCreate,
    CategoryUpdate,
    ProductCreate,
    ProductUpdate,
    VariantCreate,
    VariantUpdate,
)
from catalog.schemas import MediaAttachment
from contracts.catalog import (
    Price,
    ProductArchivedV1,
    ProductPublishedV1,
    ProductUpdatedV1,
    StockChangedV1,
)
from kit.auth import InternalPrincipal
from kit.errors import QuotaExceeded
from kit.events import outbox
from kit.preconditions import UNCONDITIONAL, IfMatch

ACTIVE_PRODUCTS_LIMIT = "active_products"


# --- categories ----------------------------------------------------------------------------


async def create_category(session: AsyncSession, data: CategoryCreate) -> Category:
    """Add a node to the tenant's taxonomy."""
    if await repository.category_slug_exists(session, data.slug):
        raise SlugTaken(f"a category already uses the slug {data.slug!r}")
    if (
        data.parent_id is not None
        and await repository.get_category(session, data.parent_id) is None
    ):
        raise CategoryNotFound(f"no category {data.parent_id}")
    category = Category(**data.model_dump())
    session.add(category)
    await session.flush()
    await session.refresh(category)
    return category


async def get_category(session: AsyncSession, category_id: uuid.UUID) -> Category:
    category = await repository.get_category(session, category_id)
    if category is None:
        raise CategoryNotFound(f"no category {category_id}")
    return category


async def update_category(
    session: AsyncSession, category_id: uuid.UUID, data: CategoryUpdate
) -> Category:
    """Rename a category (its translations); the slug stays."""
    category = await get_category(session, category_id)
    if data.name is not None:
        category.name = data.name
    await session.flush()
    await session.refresh(category)
    return category


# --- products ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Created:
    """A new product as written, with its variants and its photos' alt text in the library."""

    product: Product
    variants: list[Variant]
    alts: dict[uuid.UUID, dict[str, Any]]


async def create_product(
    session: AsyncSession, principal: InternalPrincipal, data: ProductCreate
) -> Created:
    """Create a product as a draft, with its variants: its checks in one statement, its rows in
    one INSERT per table, nothing read back (the INSERTs return the server's timestamps)."""
    wanted_media = {ref.media_id for ref in data.media}
    found = None
    if access.may_see_producer(principal, data.producer_id):
        found = await repository.check_new_product(
            session,
            producer_id=data.producer_id,
            slug=data.slug,
            skus=[v.sku for v in data.variants],
            category_id=data.category_id,
            media_ids=wanted_media,
        )
    if found is None:
        raise ProducerNotFound(f"no producer {data.producer_id}")
    if found.slug_taken:
        raise SlugTaken(f"a product already uses the slug {data.slug!r}")
    if data.category_id is not None and not found.category_found:
        raise CategoryNotFound(f"no category {data.category_id}")
    _refuse_missing_media(wanted_media - found.media_alts.keys())
    skus = set(found.skus_taken)
    for variant in data.variants:
        if variant.sku in skus:
            raise SkuTaken(f"a variant already uses the SKU {variant.sku!r}")
        skus.add(variant.sku)
    fields = data.model_dump(exclude={"variants", "media"})
    product = Product(
        **fields, id=uuid.uuid4(), media=[m.model_dump(mode="json") for m in data.media]
    )
    variants = [
        Variant(product_id=product.id, position=position, **variant.model_dump())
        for position, variant in enumerate(data.variants)
    ]
    product.search_text = search_text_of(product, variants)
    session.add_all([product, *variants])
    await session.flush()
    return Created(product, variants, {k: v for k, v in found.media_alts.items() if v})


async def _check_category(session: AsyncSession, category_id: uuid.UUID | None) -> None:
    if category_id is not None and await repository.get_category(session, category_id) is None:
        raise CategoryNotFound(f"no category {category_id}")


async def _check_media(session: AsyncSession, refs: list[MediaAttachment]) -> None:
    wanted = {ref.media_id for ref in refs}
    _refuse_missing_media(wanted - await media_repo.existing_media(session, wanted))


def _refuse_missing_media(missing: set[uuid.UUID]) -> None:
    if missing:
        raise MediaNotFound(f"no media {', '.join(sorted(str(m) for m in missing))}")


async def _add_variant(
    session: AsyncSession, product: Product, data: VariantCreate, position: int
) -> Variant:
    if await repository.sku_exists(session, data.sku):
        raise SkuTaken(f"a variant already uses the SKU {data.sku!r}")
    variant = Variant(product_id=product.id, position=position, **data.model_dump())
    session.add(variant)
    await session.flush()
    return variant


async def _touch(
    session: AsyncSession, product: Product, variants: Sequence[Variant] | None = None
) -> None:
    """A new version of `product` (its ETag and `updated_at`): its variants are part of it.
    With `variants` (all of them, after their names or SKUs changed), its search text too."""
    values: dict[str, Any] = {"updated_at": func.now()}
    if variants is not None:
        values["search_text"] = search_text_of(product, variants)
    await session.flush()
    await repository.set_columns(session, product, values)


async def refresh_search_text(session: AsyncSession, product: Product) -> None:
    """Recompute the normalized text the trigram index searches."""
    variants = (await repository.variants_of(session, [product.id]))[product.id]
    product.search_text = search_text_of(product, variants)
    await session.flush()


def search_text_of(product: Product, variants: Sequence[Variant]) -> str:
    """The normalized text the trigram index searches: names, descriptions, slug, tags, SKUs."""
    return i18n.search_text(
        product.name,
        product.description,
        [product.slug, *product.tags],
        *(v.name for v in variants),
        [v.sku for v in variants],
    )


async def get_product(
    session: AsyncSession,
    principal: InternalPrincipal,
    product_id: uuid.UUID,
    *,
    lock: bool = False,
) -> Product:
    """A product the caller may see."""
    product = await repository.get_product(session, product_id, lock=lock)
    if product is None or not access.may_see_producer(principal, product.producer_id):
        raise ProductNotFound(f"no product {product_id}")
    return product


async def update_product(
    session: AsyncSession,
    principal: InternalPrincipal,
    product_id: uuid.UUID,
    data: ProductUpdate,
    public_base_url: str,
    precondition: IfMatch = UNCONDITIONAL,
) -> Product:
    """Change a product; a public one announces it with `catalog.product.updated.v1`.
    `precondition` is checked on the locked row: a stale `If-Match` changes nothing."""
    product = await get_product(session, principal, product_id, lock=True)
    precondition.check(product)
    changes = data.model_dump(exclude_unset=True)
    if "category_id" in changes:
        await _check_category(session, data.category_id)
    if data.media is not None:
        await _check_media(session, data.media)
        changes["media"] = [m.model_dump(mode="json") for m in data.media]
    nullable = {"category_id", "available_from", "available_until", "price_amount"}
    for field, value in changes.items():
        if value is not None or field in nullable:
            setattr(product, field, value)
    await session.flush()
    await refresh_search_text(session, product)
    await session.refresh(product)
    await _announce_update(session, product, public_base_url)
    return product


async def announce_update(session: AsyncSession, product: Product, public_base_url: str) -> None:
    """Tell the other services a public product's new picture (its store URLs, prices ...)."""
    await _announce_update(session, product, public_base_url)


async def _announce_update(session: AsyncSession, product: Product, public_base_url: str) -> None:
    if product.status == "draft":
        return  # nobody outside the catalog knows drafts
    picture = await _picture(session, product, public_base_url)
    await outbox.add(session, ProductUpdatedV1(status=product.status, **picture))


async def photo_changed(session: AsyncSession, media_id: uuid.UUID, public_base_url: str) -> None:
    """A photo's alt text changed in the media library: every product showing it has a new
    version (ETag, `updated_at`), and a public one announces it (`catalog.product.updated.v1`),
    so the pages and the publisher show the new text."""
    products = await media_repo.products_using(session, media_id, limit=None, lock=True)
    for product in products:
        product.updated_at = func.now()
    await session.flush()
    public = [p for p in products if p.status != "draft"]
    pictures = await _pictures(session, public, public_base_url)
    for product in public:
        await outbox.add(session, ProductUpdatedV1(status=product.status, **pictures[product.id]))


async def publish_product(
    session: AsyncSession,
    principal: InternalPrincipal,
    product_id: uuid.UUID,
    public_base_url: str = "",
) -> Product:
    """Make a product public and tell the other services."""
    product = await get_product(session, principal, product_id)
    if product.status == "published":
        return product
    variants = (await repository.variants_of(session, [product.id]))[product.id]
    reason = publish_refusal(product, variants)
    if reason is not None:
        raise NotPublishable(reason)
    await check_quota(session, principal.limits.get(ACTIVE_PRODUCTS_LIMIT), adding=1)
    product.status = "published"
    product.published_at = datetime.now(UTC)
    await session.flush()
    picture = await _picture(session, product, public_base_url)
    await outbox.add(session, ProductPublishedV1(**picture))
    await session.refresh(product)
    return product


NO_SUCH_PRODUCT = "no such product"


def publish_refusal(product: Product, variants: list[Variant]) -> str | None:
    """Why a product that is not yet public cannot be published, or None when it can."""
    if product.status == "archived":
        return "an archived product cannot be published again"
    if product.price_amount is None and not variants:
        return "a product needs a price or a variant to be published"
    return None


async def check_quota(session: AsyncSession, limit: int | None, *, adding: int) -> None:
    """Refuse making `adding` more products public past the plan's active products."""
    if limit is None or adding == 0:
        return
    if await repository.count_published(session) + adding > limit:
        raise QuotaExceeded(f"the plan allows {limit} active products", limit=limit)


@dataclass(frozen=True)
class Published:
    """A bulk publish: every product asked for, in order, and the ids it made public."""

    products: list[Product]
    published: list[uuid.UUID]


async def publish_products(
    session: AsyncSession,
    product_ids: Sequence[uuid.UUID],
    public_base_url: str,
    *,
    only_producers: Collection[uuid.UUID] | None,
    limit: int | None,
) -> Published:
    """Publish every draft among `product_ids` with one `published` event each, or raise
    ProductsNotPublishable naming each product that cannot be (and change nothing)."""
    wanted = list(dict.fromkeys(product_ids))
    found = await repository.products_by_id(session, wanted, lock=True)
    if only_producers is not None:
        found = {pid: p for pid, p in found.items() if p.producer_id in only_producers}
    variants = await repository.variants_of(session, list(found))
    errors = [
        {"product_id": str(pid), "reason": reason}
        for pid in wanted
        if (reason := _bulk_refusal(found.get(pid), variants.get(pid, []))) is not None
    ]
    if errors:
        raise ProductsNotPublishable(
            f"{len(errors)} of {len(wanted)} products cannot be published; none was",
            errors=errors,
        )
    drafts = [pid for pid in wanted if found[pid].status == "draft"]
    await check_quota(session, limit, adding=len(drafts))
    now = datetime.now(UTC)
    for pid in drafts:
        found[pid].status = "published"
        found[pid].published_at = now
    await session.flush()
    pictures = await _pictures(session, [found[pid] for pid in drafts], public_base_url)
    for pid in drafts:
        await outbox.add(session, ProductPublishedV1(**pictures[pid]))
    fresh = await repository.products_by_id(session, wanted)  # server-set updated_at
    return Published([fresh[pid] for pid in wanted], drafts)


def _bulk_refusal(product: Product | None, variants: list[Variant]) -> str | None:
    if product is None:
        return NO_SUCH_PRODUCT
    if product.status == "published":
        return None
    return publish_refusal(product, variants)


async def archive_product(
    session: AsyncSession, principal: InternalPrincipal, product_id: uuid.UUID
) -> Product:
    """Withdraw a product for good: it frees its place in the plan's quota."""
    product = await get_product(session, principal, product_id)
    if product.status == "archived":
        return product
    product.status = "archived"
    product.archived_at = datetime.now(UTC)
    await session.flush()
    producer = await producers_repo.get_producer(session, product.producer_id)
    await outbox.add(
        session,
        ProductArchivedV1(
            product_id=product.id,
            producer_id=product.producer_id,
            slug=product.slug,
            name=product.name,
            producer_name=producer.name if producer else {},
        ),
    )
    await session.refresh(product)
    return product


async def _picture(session: AsyncSession, product: Product, public_base_url: str) -> dict[str, Any]:
    """What consumers need of a product: names, producer, prices, media and store URLs."""
    return (await _pictures(session, [product], public_base_url))[product.id]


async def _pictures(
    session: AsyncSession, products: Sequence[Product], public_base_url: str
) -> dict[uuid.UUID, dict[str, Any]]:
    """`_picture` of each product, with one query per kind of row rather than per product."""
    ids = [p.id for p in products]
    producers_by_id = await producers_repo.producers_by_id(
        session, {p.producer_id for p in products}
    )
    variants = await repository.variants_of(session, ids)
    categories = await repository.categories_by_id(
        session, {p.category_id for p in products if p.category_id is not None}
    )
    store_urls = await repository.listing_urls_by_product(session, ids)
    alts = await media_repo.alts_of(session, media_ids(p.media for p in products))
    pictures: dict[uuid.UUID, dict[str, Any]] = {}
    for product in products:
        producer = producers_by_id.get(product.producer_id)
        if producer is None:  # foreign key: unreachable
            raise ProducerNotFound(f"no producer {product.producer_id}")
        category = categories.get(product.category_id) if product.category_id else None
        pictures[product.id] = {
            "product_id": product.id,
            "producer_id": producer.id,
            "slug": product.slug,
            "name": product.name,
            "producer_name": producer.name,
            "producer_story": producer.story,
            "description": product.description,
            "prices": prices_of(product, variants[product.id]),
            "media_urls": [
                media_urls(public_base_url, uuid.UUID(m["media_id"]))["web"] for m in product.media
            ],
            "storefront_urls": store_urls[product.id],
            "tags": list(product.tags),
            "category": category.slug if category else None,
            "media": event_media(public_base_url, product.media, alts),
            "season_months": list(product.season_months),
            "available_from": product.available_from,
            "available_until": product.available_until,
            "stock": {str(v.id): stock_of(v) for v in variants[product.id]},
        }
    return pictures


def stock_of(variant: Variant) -> int | None:
    """Units a campaign may still sell; None when nobody counts them (made to order)."""
    return None if variant.made_to_order else variant.stock


def prices_of(product: Product, variants: list[Variant]) -> list[Price]:
    """Distinct prices of the variants, or the product's own price when it has none."""
    if not variants:
        if product.price_amount is None:
            return []
        return [Price(amount=product.price_amount, currency=product.currency)]
    seen: dict[tuple[int, str], Price] = {}
    for v in variants:
        seen.setdefault(
            (v.price_amount, v.currency), Price(amount=v.price_amount, currency=v.currency)
        )
    return list(seen.values())


# --- variants ------------------------------------------------------------------------------


async def add_variant(
    session: AsyncSession,
    principal: InternalPrincipal,
    product_id: uuid.UUID,
    data: VariantCreate,
    public_base_url: str,
) -> Variant:
    """Add a sellable unit to a product."""
    product = await get_product(session, principal, product_id, lock=True)
    existing = (await repository.variants_of(session, [product.id]))[product.id]
    variant = await _add_variant(session, product, data, len(existing))
    await _touch(session, product, [*existing, variant])
    await _announce_update(session, product, public_base_url)
    return variant


async def update_variant(
    session: AsyncSession,
    principal: InternalPrincipal,
    product_id: uuid.UUID,
    variant_id: uuid.UUID,
    data: VariantUpdate,
    public_base_url: str,
    precondition: IfMatch = UNCONDITIONAL,
) -> Variant:
    """Change a variant; a new stock or price is announced as `stock_changed`. `precondition`
    is checked on the locked variant: a stale `If-Match` changes nothing."""
    product, variant = await _locked_variant(session, principal, product_id, variant_id)
    precondition.check(variant)
    before_stock, before_price = (
        variant.stock,
        Price(amount=variant.price_amount, currency=variant.currency),
    )
    changes = data.model_dump(exclude_unset=True)
    values = {
        field: value
        for field, value in changes.items()
        if value is not None or field in ("stock", "weight_grams")
    }
    if values:
        variant = await repository.set_columns(session, variant, values)
    variants = None
    if "name" in values:  # the search text holds the variants' names
        variants = (await repository.variants_of(session, [product.id]))[product.id]
    await _touch(session, product, variants)
    price = Price(amount=variant.price_amount, currency=variant.currency)
    if variant.stock != before_stock or price != before_price:
        await outbox.add(
            session,
            StockChangedV1(
                product_id=product.id,
                variant_id=variant.id,
                sku=variant.sku,
                stock=variant.stock,
                previous_stock=before_stock,
                price=price,
                previous_price=before_price,
                slug=product.slug,
                name=product.name,
            ),
        )
    await _announce_update(session, product, public_base_url)
    return variant


async def _locked_variant(
    session: AsyncSession,
    principal: InternalPrincipal,
    product_id: uuid.UUID,
    variant_id: uuid.UUID,
) -> tuple[Product, Variant]:
    """A variant of a product the caller may change, both held until the transaction ends."""
    found = await repository.variant_with_product(session, product_id, variant_id)
    if found is None:
        await get_product(session, principal, product_id)  # which one is missing
        raise VariantNotFound(f"no variant {variant_id}")
    product, variant = found
    if not access.may_see_producer(principal, product.producer_id):
        raise ProductNotFound(f"no product {product_id}")
    return product, variant


async def get_variant(
    session: AsyncSession,
    principal: InternalPrincipal,
    product_id: uuid.UUID,
    variant_id: uuid.UUID,
) -> Variant:
    """A variant of a product the caller may see."""
    product = await get_product(session, principal, product_id)
    variant = await repository.get_variant(session, product.id, variant_id)
    if variant is None:
        raise VariantNotFound(f"no variant {variant_id}")
    return variant
