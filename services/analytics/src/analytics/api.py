"""Analytics HTTP routes."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from analytics import repository
from analytics.schemas import ProductReport
from kit.dependencies import SessionDep

router = APIRouter(prefix="/v1", tags=["analytics"])


@router.get("/reports/products", response_model=ProductReport)
async def products_report(session: SessionDep, producer_id: uuid.UUID | None = None) -> object:
    """Clicks, orders and revenue per product."""
    return {"items": await repository.product_rows(session, producer_id=producer_id)}
