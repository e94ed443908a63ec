"""Every query on storefronts and listings."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Listing, Product, Storefront, Variant
from catalog.producers.repository import public_producer_ids
from kit.pagination import paginate

API_KINDS = ("shopify", "woocommerce")


def _variants_of(producers: Collection[uuid.UUID]) -> Select[uuid.UUID]:
    return (
        select(Variant.id)
        .join(Product, Product.id == Variant.product_id)
        .where(Product.producer_id.in_(list(producers)))
    )


def _stores_selling(producers: Collection[uuid.UUID]) -> Select[uuid.UUID]:
    """Stores with a listing of one of `producers`' variants."""
    return select(Listing.storefront_id).where(Listing.variant_id.in_(_variants_of(producers)))


async def get_storefront(
    session: AsyncSession,
    storefront_id: uuid.UUID,
    only_producers: Collection[uuid.UUID] | None = None,
) -> Storefront | None:
    """The store, if it sells something of `only_producers` when given (a producer user)."""
    statement = select(Storefront).where(Storefront.id == storefront_id)
    if only_producers is not None:
        statement = statement.where(Storefront.id.in_(_stores_selling(only_producers)))
    return (await session.execute(statement)).scalar_one_or_none()


async def list_storefronts(
    session: AsyncSession,
    *,
    cursor: str | None,
    limit: int,
    only_producers: Collection[uuid.UUID] | None = None,
) -> tuple[list[Storefront], str | None]:
    statement = select(Storefront)
    if only_producers is not None:
        statement = statement.where(Storefront.id.in_(_stores_selling(only_producers)))
    return await paginate(session, statement, Storefront, cursor=cursor, limit=limit)


async def api_storefronts_of_every_tenant(
    session: AsyncSession,
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(id, tenant) of every store with an API, for the jobs role."""
    rows = await session.execute(
        select(Storefront.id, Storefront.tenant_id)
        .where(Storefront.kind.in_(API_KINDS))
        .execution_options(all_tenants=True)
    )
    return [(row.id, row.tenant_id) for row in rows]


async def listings_of(session: AsyncSession, storefront_id: uuid.UUID) -> dict[str, Listing]:
    rows = await session.execute(select(Listing).where(Listing.storefront_id == storefront_id))
    return {listing.external_id: listing for listing in rows.scalars()}


async def list_listings(
    session: AsyncSession,
    *,
    cursor: str | None,
    limit: int,
    storefront_id: uuid.UUID | None,
    variant_id: uuid.UUID | None,
    public_only: bool = False,
    only_producers: Collection[uuid.UUID] | None = None,
) -> tuple[list[Listing], str | None]:
    statement = select(Listing)
    if only_producers is not None:
        statement = statement.where(Listing.variant_id.in_(_variants_of(only_producers)))
    if public_only:
        public = (
            select(Variant.id)
            .join(Product, Product.id == Variant.product_id)
            .where(Product.status == "published", Product.producer_id.in_(public_producer_ids()))
        )
        statement = statement.where(Listing.variant_id.in_(public))
    if storefront_id is not None:
        statement = statement.where(Listing.storefront_id == storefront_id)
    if variant_id is not None:
        statement = statement.where(Listing.variant_id == variant_id)
    return await paginate(session, statement, Listing, cursor=cursor, limit=limit)


async def listing_exists(session: AsyncSession, storefront_id: uuid.UUID, external_id: str) -> bool:
    found = await session.execute(
        select(Listing.id).where(
            Listing.storefront_id == storefront_id, Listing.external_id == external_id
        )
    )
    return found.first() is not None


async def get_variant(session: AsyncSession, variant_id: uuid.UUID) -> Variant | None:
    return await session.get(Variant, variant_id)


async def variants_by_id(session: AsyncSession, ids: list[uuid.UUID]) -> dict[uuid.UUID, Variant]:
    if not ids:
        return {}
    rows = await session.execute(select(Variant).where(Variant.id.in_(ids)))
    return {v.id: v for v in rows.scalars()}


async def variants_by_sku(session: AsyncSession, skus: list[str]) -> dict[str, Variant]:
    if not skus:
        return {}
    rows = await session.execute(select(Variant).where(Variant.sku.in_(skus)))
    return {v.sku: v for v in rows.scalars()}


def add(session: AsyncSession, row: Any) -> None:
    session.add(row)
