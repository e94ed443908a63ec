"""Usage per month (JSON or CSV), for the operator's invoices."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from analytics.usage import service
from analytics.usage.schemas import AnalyticsUsage
from kit.csvout import csv_or_json
from kit.dependencies import SessionDep

router = APIRouter(prefix="/v1", tags=["usage"])


@router.get("/usage", response_model=AnalyticsUsage)
async def read_usage(
    session: SessionDep,
    month: Annotated[str, Query(pattern=r"^\d{4}-\d{2}$")],
    format: Literal["json", "csv"] = "json",
) -> Any:
    """Posts published, tracked clicks and active products of the tenant in `month`."""
    result = await service.usage(session, month)
    return csv_or_json(format, result, [result], f"usage-{month}")
