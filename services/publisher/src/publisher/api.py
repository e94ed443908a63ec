"""Publisher HTTP routes."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from kit.dependencies import SessionDep
from kit.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page
from publisher import repository
from publisher.schemas import PostRead

router = APIRouter(prefix="/v1", tags=["publisher"])


@router.get("/posts", response_model=Page[PostRead])
async def list_posts(
    session: SessionDep,
    product_id: uuid.UUID | None = None,
    status: str | None = Query(default=None, max_length=16),
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> object:
    """List the tenant's posts, newest first."""
    items, next_cursor = await repository.list_posts(
        session, cursor=cursor, limit=limit, product_id=product_id, status=status
    )
    return {"items": items, "next_cursor": next_cursor}
