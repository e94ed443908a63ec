"""Storefront and listing routes."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status

from catalog import access
from catalog.dependencies import SettingsDep
from catalog.storefronts import repository, service
from catalog.storefronts.schemas import (
    ListingCreate,
    ListingRead,
    StorefrontCreate,
    StorefrontRead,
    SyncReport,
)
from kit.dependencies import PrincipalDep, SessionDep
from kit.outbound import OutboundDep
from kit.pagination import DEFAULT_LIMIT, Limit, Page
from kit.secrets import Sealer

# The public store page reads listings; stores themselves (URLs, sync errors) stay internal.
router = APIRouter(prefix="/v1", tags=["storefronts"])


def _sealer(request: Request) -> Sealer:
    sealer: Sealer = request.app.state.sealer
    return sealer


def _read(storefront: object) -> StorefrontRead:
    read = StorefrontRead.model_validate(storefront)
    read.has_credentials = getattr(storefront, "credentials", None) is not None
    return read


@router.post(
    "/storefronts",
    status_code=status.HTTP_201_CREATED,
    response_model=StorefrontRead,
)
async def create_storefront(
    data: StorefrontCreate, request: Request, session: SessionDep, outbound: OutboundDep
) -> object:
    """Connect a store (tenant admin); credentials are stored encrypted, never returned.
    A URL that is not http(s) or aims at a non-public address is refused (`url-refused`)."""
    return _read(await service.create_storefront(session, _sealer(request), data, outbound))


@router.get("/storefronts", response_model=Page[StorefrontRead])
async def list_storefronts(
    session: SessionDep,
    principal: PrincipalDep,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """The tenant's stores (a producer user's: those selling their things)."""
    items, next_cursor = await repository.list_storefronts(
        session, cursor=cursor, limit=limit, only_producers=access.producer_scope(principal)
    )
    return {"items": [_read(s) for s in items], "next_cursor": next_cursor}


@router.get("/storefronts/{storefront_id}", response_model=StorefrontRead)
async def get_storefront(
    storefront_id: uuid.UUID, session: SessionDep, principal: PrincipalDep
) -> object:
    """One store."""
    scope = access.producer_scope(principal)
    return _read(await service.get_storefront(session, storefront_id, scope))


@router.post(
    "/storefronts/{storefront_id}/sync",
    response_model=SyncReport,
)
async def sync_storefront(
    storefront_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    outbound: OutboundDep,
) -> object:
    """Pull price and stock from the store now; each change emits `stock_changed`."""
    return await service.sync_now(session, _sealer(request), settings, outbound, storefront_id)


@router.post(
    "/listings",
    status_code=status.HTTP_201_CREATED,
    response_model=ListingRead,
)
async def create_listing(data: ListingCreate, session: SessionDep, settings: SettingsDep) -> object:
    """Map a variant to a store item; a public product emits `catalog.product.updated.v1`."""
    return await service.create_listing(session, data, settings.public_base_url)


@router.get("/listings", response_model=Page[ListingRead])
async def list_listings(
    session: SessionDep,
    principal: PrincipalDep,
    storefront_id: uuid.UUID | None = None,
    variant_id: uuid.UUID | None = None,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """Listings, by store or by variant (to the public: only those of public products)."""
    items, next_cursor = await repository.list_listings(
        session,
        cursor=cursor,
        limit=limit,
        storefront_id=storefront_id,
        variant_id=variant_id,
        public_only=access.public_view(principal),
        only_producers=access.producer_scope(principal),
    )
    return {"items": items, "next_cursor": next_cursor}
