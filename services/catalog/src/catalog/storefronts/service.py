"""Storefront and listing use cases, and the sync pulling price and stock from stores.

A sync compares each store item with its listing and records one
`catalog.product.stock_changed.v1` per listing whose price or stock moved; unchanged items
record nothing. Store calls happen before the writes, which then land in one transaction.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection
from datetime import UTC, datetime

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.errors import ListingExists, StorefrontNotFound, StoreUnavailable, VariantNotFound
from catalog.models import Listing, Storefront, Variant
from catalog.products import repository as products_repo
from catalog.products import service as products_service
from catalog.settings import CatalogSettings
from catalog.storefronts import repository
from catalog.storefronts.base import CallPolicy, StoreAdapter, StoreItem, fill
from catalog.storefronts.generic import GenericStore, item_url
from catalog.storefronts.schemas import ListingCreate, StorefrontCreate, SyncReport
from catalog.storefronts.shopify import ShopifyStore
from catalog.storefronts.woocommerce import WooCommerceStore
from contracts.catalog import Price, StockChangedV1
from kit import outbound
from kit.events import outbox
from kit.outbound import OutboundPolicy
from kit.secrets import Sealer

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


async def create_storefront(
    session: AsyncSession, sealer: Sealer, data: StorefrontCreate, policy: OutboundPolicy
) -> Storefront:
    """Connect a store; its URLs are checked (SSRF, `kit.outbound`), its credentials sealed
    before they touch the database."""
    template = data.item_url_template
    if template and data.store:
        template = fill(template, store=data.store)
    for url in (str(data.api_base_url) if data.api_base_url else None, template):
        if url:  # an item URL template is checked with its placeholders filled in
            await outbound.check_url(PLACEHOLDER.sub("x", url), policy)
    storefront = Storefront(
        kind=data.kind,
        name=data.name,
        api_base_url=str(data.api_base_url).rstrip("/") if data.api_base_url else None,
        item_url_template=template,
        currency=data.currency,
        credentials=sealer.seal(data.credentials) if data.credentials else None,
    )
    repository.add(session, storefront)
    await session.flush()
    await session.refresh(storefront)
    return storefront


async def get_storefront(
    session: AsyncSession,
    storefront_id: uuid.UUID,
    only_producers: Collection[uuid.UUID] | None = None,
) -> Storefront:
    """The store (to a producer user: only one selling their things, else 404)."""
    storefront = await repository.get_storefront(session, storefront_id, only_producers)
    if storefront is None:
        raise StorefrontNotFound(f"no storefront {storefront_id}")
    return storefront


async def create_listing(
    session: AsyncSession, data: ListingCreate, public_base_url: str = ""
) -> Listing:
    """Map a variant to a store item by hand (generic stores, or before the first sync); a
    public product announces its new store URL (`catalog.product.updated.v1`)."""
    storefront = await get_storefront(session, data.storefront_id)
    variant = await repository.get_variant(session, data.variant_id)
    if variant is None:
        raise VariantNotFound(f"no variant {data.variant_id}")
    if await repository.listing_exists(session, storefront.id, data.external_id):
        raise ListingExists(f"item {data.external_id!r} is already listed in this store")
    listing = Listing(
        storefront_id=storefront.id,
        variant_id=variant.id,
        external_id=data.external_id,
        url=str(data.url) if data.url else item_url(storefront.item_url_template, data.external_id),
        price_amount=data.price_amount if data.price_amount is not None else variant.price_amount,
        currency=storefront.currency,
        stock=data.stock,
    )
    repository.add(session, listing)
    await session.flush()
    await session.refresh(listing)
    await _announce_products(session, [variant.product_id], public_base_url)
    return listing


async def _announce_products(
    session: AsyncSession, product_ids: list[uuid.UUID], public_base_url: str
) -> None:
    """Products whose store URLs changed tell the other services (drafts tell nobody)."""
    for product_id in dict.fromkeys(product_ids):
        product = await products_repo.get_product(session, product_id)
        if product is not None:
            await products_service.announce_update(session, product, public_base_url)


def open_store(
    storefront: Storefront, sealer: Sealer, client: httpx.AsyncClient, settings: CatalogSettings
) -> StoreAdapter:
    """The adapter of the storefront's kind, with its decrypted credentials."""
    if storefront.kind == "generic" or storefront.api_base_url is None:
        return GenericStore()
    policy = CallPolicy(
        max_retries=settings.store_max_retries,
        max_retry_after_seconds=settings.store_max_retry_after_seconds,
        timeout_seconds=settings.store_timeout_seconds,
    )
    kind = ShopifyStore if storefront.kind == "shopify" else WooCommerceStore
    return kind(
        client,
        base_url=storefront.api_base_url,
        credentials=sealer.open(storefront.credentials) if storefront.credentials else {},
        currency=storefront.currency,
        item_url_template=storefront.item_url_template,
        policy=policy,
    )


async def pull(
    storefront: Storefront, sealer: Sealer, settings: CatalogSettings, policy: OutboundPolicy
) -> list[StoreItem]:
    """Every item the store reports now, every connection checked (`kit.outbound`)."""
    async with outbound.client(policy, timeout=settings.store_timeout_seconds) as client:
        try:
            return await open_store(storefront, sealer, client, settings).fetch_items()
        except (ValueError, KeyError, TypeError, AttributeError) as exc:  # not JSON, or not
            raise StoreUnavailable("the store's answer is not in its documented shape") from exc


async def apply_items(
    session: AsyncSession, storefront: Storefront, items: list[StoreItem], public_base_url: str = ""
) -> SyncReport:
    """Bring listings in line with the store's items; link new ones by SKU (their products
    announce the new store URLs)."""
    listings = await repository.listings_of(session, storefront.id)
    unlisted = [i for i in items if i.external_id not in listings and i.sku]
    by_sku = await repository.variants_by_sku(session, [i.sku for i in unlisted if i.sku])
    now = datetime.now(UTC)
    linked = changed = 0
    linked_products: list[uuid.UUID] = []
    for item in unlisted:
        variant = by_sku.get(item.sku or "")
        if variant is None:
            continue
        created = Listing(
            storefront_id=storefront.id,
            variant_id=variant.id,
            external_id=item.external_id,
            url=item.url,
            price_amount=item.price_amount,
            currency=item.currency,
            stock=item.stock,
            synced_at=now,
        )
        repository.add(session, created)
        listings[item.external_id] = created
        linked_products.append(variant.product_id)
        linked += 1
    await session.flush()
    variants = await repository.variants_by_id(
        session, [lst.variant_id for lst in listings.values()]
    )
    for item in items:
        listing = listings.get(item.external_id)
        if listing is None or listing.synced_at == now:
            continue
        if await _apply(session, storefront, listing, item, variants, now):
            changed += 1
    storefront.last_synced_at = now
    storefront.last_sync_error = None
    await session.flush()
    await _announce_products(session, linked_products, public_base_url)
    return SyncReport(
        storefront_id=storefront.id,
        items_seen=len(items),
        listings_linked=linked,
        listings_changed=changed,
    )


async def _apply(
    session: AsyncSession,
    storefront: Storefront,
    listing: Listing,
    item: StoreItem,
    variants: dict[uuid.UUID, Variant],
    now: datetime,
) -> bool:
    listing.synced_at = now
    if item.url:
        listing.url = item.url
    moved = (listing.stock, listing.price_amount) != (item.stock, item.price_amount)
    if not moved:
        return False
    variant = variants[listing.variant_id]
    product = await products_repo.get_product(session, variant.product_id)
    previous_price = _price(listing.price_amount, listing.currency)
    previous_stock = listing.stock
    listing.stock, listing.price_amount, listing.currency = (
        item.stock,
        item.price_amount,
        item.currency,
    )
    await outbox.add(
        session,
        StockChangedV1(
            product_id=variant.product_id,
            variant_id=listing.variant_id,
            sku=variant.sku,
            stock=item.stock,
            previous_stock=previous_stock,
            price=_price(item.price_amount, item.currency),
            previous_price=previous_price,
            storefront_id=storefront.id,
            listing_id=listing.id,
            url=listing.url,
            slug=product.slug if product else None,
            name=product.name if product else {},
        ),
    )
    return True


def _price(amount: int | None, currency: str | None) -> Price | None:
    return Price(amount=amount, currency=currency) if amount is not None and currency else None


async def sync_now(
    session: AsyncSession,
    sealer: Sealer,
    settings: CatalogSettings,
    policy: OutboundPolicy,
    storefront_id: uuid.UUID,
) -> SyncReport:
    """Pull one storefront now (the on-demand sync)."""
    storefront = await get_storefront(session, storefront_id)
    items = await pull(storefront, sealer, settings, policy)
    return await apply_items(session, storefront, items, settings.public_base_url)


async def record_failure(session: AsyncSession, storefront_id: uuid.UUID, error: str) -> None:
    """Keep why the last sync failed, for the admin console."""
    storefront = await repository.get_storefront(session, storefront_id)
    if storefront is not None:
        storefront.last_sync_error = error[:1000]
        await session.flush()
