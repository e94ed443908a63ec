"""Category, product and variant routes: thin, one use case each."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from catalog import access, i18n, present
from catalog.dependencies import SettingsDep, ViewDep
from catalog.errors import ProductNotFound
from catalog.media import repository as media_repo
from catalog.media.alt import media_ids
from catalog.models import Product
from catalog.present import View
from catalog.products import repository, service
from catalog.products.schemas import (
    CategoryCreate,
    CategoryRead,
    CategoryUpdate,
    ProductBulkPublish,
    ProductBulkPublishRead,
    ProductCreate,
    ProductRead,
    ProductUpdate,
    VariantCreate,
    VariantRead,
    VariantUpdate,
)
from catalog.schemas import ProductStatus
from kit.auth import InternalPrincipal
from kit.dependencies import PrincipalDep, SessionDep
from kit.etags import CONDITIONAL_RESPONSES, conditional_json
from kit.pagination import DEFAULT_LIMIT, Limit, Page, UpdatedSince
from kit.preconditions import TAGGED, VERSIONED, IfMatchDep, set_etag, version_etag

# The public pages read products and categories; anonymous callers get nothing else here.
router = APIRouter(
    prefix="/v1",
    tags=["catalog"],
)
VARY = "Accept-Language"


async def _read(
    session: AsyncSession, principal: InternalPrincipal, products: list[Product], view: View
) -> list[ProductRead]:
    """Products as the caller sees them: with their variants and, unless anonymous, where each
    variant is sold; one statement for the variants and their store items, one for the photos'
    alt text (none without photos), however many products and variants."""
    shown = await repository.variants_shown(
        session, [p.id for p in products], store_items=not access.public_view(principal)
    )
    alts = await media_repo.alts_of(session, media_ids(p.media for p in products))
    return [
        present.product(p, shown.variants[p.id], view, shown.store_items, alts) for p in products
    ]


@router.post(
    "/categories",
    status_code=status.HTTP_201_CREATED,
    response_model=CategoryRead,
)
async def create_category(data: CategoryCreate, session: SessionDep, view: ViewDep) -> object:
    """Add a category to the tenant's taxonomy (town staff)."""
    return present.category(await service.create_category(session, data), view)


@router.get("/categories", response_model=Page[CategoryRead])
async def list_categories(
    session: SessionDep, view: ViewDep, cursor: str | None = None, limit: Limit = DEFAULT_LIMIT
) -> object:
    """The tenant's categories, newest first."""
    items, next_cursor = await repository.list_categories(session, cursor=cursor, limit=limit)
    return {"items": [present.category(c, view) for c in items], "next_cursor": next_cursor}


@router.get("/categories/{category_id}", response_model=CategoryRead)
async def get_category(category_id: uuid.UUID, session: SessionDep, view: ViewDep) -> object:
    """One category."""
    return present.category(await service.get_category(session, category_id), view)


@router.patch("/categories/{category_id}", response_model=CategoryRead)
async def update_category(
    category_id: uuid.UUID, data: CategoryUpdate, session: SessionDep, view: ViewDep
) -> object:
    """Rename a category, e.g. add its Korean name (town staff); the slug stays."""
    return present.category(await service.update_category(session, category_id, data), view)


@router.post(
    "/products",
    status_code=status.HTTP_201_CREATED,
    response_model=ProductRead,
)
async def create_product(
    data: ProductCreate, session: SessionDep, principal: PrincipalDep, view: ViewDep
) -> object:
    """Create a product as a draft, with its variants."""
    created = await service.create_product(session, principal, data)
    return present.product(created.product, created.variants, view, alts=created.alts)


@router.get("/products", response_model=Page[ProductRead], responses=CONDITIONAL_RESPONSES)
async def list_products(
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    view: ViewDep,
    producer_id: uuid.UUID | None = None,
    category_id: uuid.UUID | None = None,
    status: ProductStatus | None = None,
    tag: Annotated[str | None, Query(max_length=64)] = None,
    slug: Annotated[str | None, Query(max_length=120)] = None,
    in_season: bool = False,
    q: Annotated[str | None, Query(max_length=200, description="Text in any language")] = None,
    updated_since: UpdatedSince = None,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Response:
    """List products, newest first: by producer, category, status, tag, slug, season, or text."""
    text = i18n.normalize(q).strip() if q else None
    where = repository.ProductFilter(
        producer_id=producer_id,
        only_producers=access.producer_scope(principal),
        category_id=category_id,
        status=status,
        tag=tag.strip().lower() if tag else None,
        slug=slug,
        in_season_month=view.month if in_season else None,
        now=view.now,
        text=text or None,
        public_only=access.public_view(principal),
        updated_since=updated_since,
    )
    items, next_cursor = await repository.list_products(
        session, cursor=cursor, limit=limit, where=where
    )
    page = Page[ProductRead](
        items=await _read(session, principal, items, view), next_cursor=next_cursor
    )
    return conditional_json(request, page, vary=VARY)


@router.post(
    "/products/publish",
    response_model=ProductBulkPublishRead,
    operation_id="products_publish_many",
)
async def publish_products(
    data: ProductBulkPublish,
    session: SessionDep,
    principal: PrincipalDep,
    view: ViewDep,
    settings: SettingsDep,
) -> object:
    """Publish up to 500 products at once, all or none: one `catalog.product.published.v1`
    each; a 400 problem lists every id that cannot be published, and why."""
    result = await service.publish_products(
        session,
        data.ids,
        settings.public_base_url,
        only_producers=access.producer_scope(principal),
        limit=principal.limits.get(service.ACTIVE_PRODUCTS_LIMIT),
    )
    return ProductBulkPublishRead(
        items=await _read(session, principal, result.products, view), published=result.published
    )


@router.get(
    "/products/{product_id}",
    response_model=ProductRead,
    responses={**CONDITIONAL_RESPONSES, **TAGGED},
)
async def get_product(
    request: Request,
    product_id: uuid.UUID,
    session: SessionDep,
    principal: PrincipalDep,
    view: ViewDep,
) -> Response:
    """One product, with its version's ETag (If-None-Match answers 304)."""
    product = await service.get_product(session, principal, product_id)
    if access.public_view(principal) and not await repository.is_public_product(session, product):
        raise ProductNotFound(f"no product {product_id}")
    [read] = await _read(session, principal, [product], view)
    return conditional_json(request, read, vary=VARY, etag=version_etag(product))


@router.patch("/products/{product_id}", response_model=ProductRead, responses=VERSIONED)
async def update_product(
    product_id: uuid.UUID,
    data: ProductUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    view: ViewDep,
    settings: SettingsDep,
    precondition: IfMatchDep,
) -> object:
    """Change a product; a public one emits `catalog.product.updated.v1`. `If-Match` guards
    against overwriting someone else's change."""
    product = await service.update_product(
        session, principal, product_id, data, settings.public_base_url, precondition
    )
    [read] = await _read(session, principal, [product], view)
    set_etag(response, product)
    return read


@router.post("/products/{product_id}/publish", response_model=ProductRead)
async def publish_product(
    product_id: uuid.UUID,
    session: SessionDep,
    principal: PrincipalDep,
    view: ViewDep,
    settings: SettingsDep,
) -> object:
    """Publish a product: it becomes public and `catalog.product.published.v1` is emitted."""
    product = await service.publish_product(
        session, principal, product_id, settings.public_base_url
    )
    [read] = await _read(session, principal, [product], view)
    return read


@router.post("/products/{product_id}/archive", response_model=ProductRead)
async def archive_product(
    product_id: uuid.UUID, session: SessionDep, principal: PrincipalDep, view: ViewDep
) -> object:
    """Archive a product: `catalog.product.archived.v1`; it no longer counts in the quota."""
    product = await service.archive_product(session, principal, product_id)
    [read] = await _read(session, principal, [product], view)
    return read


@router.post(
    "/products/{product_id}/variants",
    operation_id="products_variants_create",
    status_code=status.HTTP_201_CREATED,
    response_model=VariantRead,
)
async def add_variant(
    product_id: uuid.UUID,
    data: VariantCreate,
    session: SessionDep,
    principal: PrincipalDep,
    view: ViewDep,
    settings: SettingsDep,
) -> object:
    """Add a variant (the sellable unit) to a product."""
    variant = await service.add_variant(
        session, principal, product_id, data, settings.public_base_url
    )
    return present.variant(variant, view)


@router.get(
    "/products/{product_id}/variants/{variant_id}",
    response_model=VariantRead,
    responses=TAGGED,
)
async def get_variant(
    product_id: uuid.UUID,
    variant_id: uuid.UUID,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    view: ViewDep,
) -> object:
    """One variant of a product the caller may change, with its version's ETag."""
    variant = await service.get_variant(session, principal, product_id, variant_id)
    store_items = await repository.listings_of_variants(session, [variant.id])
    set_etag(response, variant)
    return present.variant(variant, view, store_items[variant.id])


@router.patch(
    "/products/{product_id}/variants/{variant_id}",
    response_model=VariantRead,
    responses=VERSIONED,
)
async def update_variant(
    product_id: uuid.UUID,
    variant_id: uuid.UUID,
    data: VariantUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    view: ViewDep,
    settings: SettingsDep,
    precondition: IfMatchDep,
) -> object:
    """Change a variant; new stock or price emits `catalog.product.stock_changed.v1`.
    `If-Match` guards against overwriting someone else's change."""
    variant = await service.update_variant(
        session, principal, product_id, variant_id, data, settings.public_base_url, precondition
    )
    store_items = await repository.listings_of_variants(session, [variant.id])
    set_etag(response, variant)
    return present.variant(variant, view, store_items[variant.id])
