"""Catalog HTTP routes: thin, one use case each."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from catalog import repository, service
from catalog.schemas import ProducerCreate, ProducerRead, ProductCreate, ProductRead
from kit.dependencies import PrincipalDep, SessionDep
from kit.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page

router = APIRouter(prefix="/v1", tags=["catalog"])
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


@router.post("/producers", status_code=status.HTTP_201_CREATED, response_model=ProducerRead)
async def create_producer(data: ProducerCreate, session: SessionDep) -> object:
    """Register a producer."""
    return await service.create_producer(session, data)


@router.get("/producers", response_model=Page[ProducerRead])
async def list_producers(
    session: SessionDep, cursor: str | None = None, limit: Limit = DEFAULT_LIMIT
) -> object:
    """List the tenant's producers, newest first."""
    items, next_cursor = await repository.list_producers(session, cursor=cursor, limit=limit)
    return {"items": items, "next_cursor": next_cursor}


@router.post("/products", status_code=status.HTTP_201_CREATED, response_model=ProductRead)
async def create_product(data: ProductCreate, session: SessionDep) -> object:
    """Create a product as a draft."""
    return await service.create_product(session, data)


@router.get("/products", response_model=Page[ProductRead])
async def list_products(
    session: SessionDep,
    producer_id: uuid.UUID | None = None,
    status: str | None = Query(default=None, pattern="^(draft|published|archived)$"),
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """List the tenant's products, newest first."""
    items, next_cursor = await repository.list_products(
        session, cursor=cursor, limit=limit, producer_id=producer_id, status=status
    )
    return {"items": items, "next_cursor": next_cursor}


@router.get("/products/{product_id}", response_model=ProductRead)
async def get_product(product_id: uuid.UUID, session: SessionDep) -> object:
    """One product."""
    return await service.get_product(session, product_id)


@router.post("/products/{product_id}/publish", response_model=ProductRead)
async def publish_product(
    product_id: uuid.UUID, session: SessionDep, principal: PrincipalDep
) -> object:
    """Publish a product: it becomes public and `catalog.product.published.v1` is emitted."""
    return await service.publish_product(session, principal, product_id)
