"""Usage per month, for the operator's invoices (called by the gateway)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from catalog.usage import service
from catalog.usage.service import CatalogUsage
from kit.dependencies import SessionDep

router = APIRouter(prefix="/v1", tags=["usage"])


@router.get("/usage", response_model=CatalogUsage)
async def read_usage(
    session: SessionDep,
    month: Annotated[str, Query(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")],
) -> object:
    """Products, active products, producers, places; media and imports in `month`."""
    return await service.usage(session, month)
