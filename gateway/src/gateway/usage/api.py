"""Usage reports: one tenant's month, or every partner side by side (operator), JSON or CSV."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from gateway.dependencies import CallerDep, GatewaySessionDep
from gateway.state import get_state
from gateway.tenants import service as tenants_service
from gateway.usage import service as usage
from gateway.usage.schemas import CSV_RESPONSE, TenantUsage

router = APIRouter(tags=["usage"])
Month = Annotated[
    str | None, Query(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="YYYY-MM; unset: this month")
]
Format = Annotated[str | None, Query(pattern="^(json|csv)$", alias="format")]
CSV = "text/csv"
AS_CSV: dict[int | str, dict[str, Any]] = {200: CSV_RESPONSE}  # besides JSON


def _wants_csv(request: Request, fmt: str | None) -> bool:
    return fmt == "csv" or (fmt is None and CSV in request.headers.get("accept", ""))


def _answer(request: Request, rows: list[dict[str, Any]], fmt: str | None, name: str) -> Any:
    if not _wants_csv(request, fmt):
        return rows
    return Response(
        usage.as_csv(rows),
        media_type=f"{CSV}; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}.csv"'},
    )


async def _flush(request: Request) -> None:
    """Write this process's pending counts first, so the report includes them."""
    meter = get_state(request).usage
    await meter.flush(get_state(request).db)


@router.get("/v1/tenants/{tenant_id}/usage", response_model=TenantUsage, responses=AS_CSV)
async def tenant_usage(
    tenant_id: uuid.UUID,
    request: Request,
    caller: CallerDep,
    session: GatewaySessionDep,
    month: Month = None,
    fmt: Format = None,
) -> Any:
    """A tenant's usage in a month: API calls and each service's numbers (JSON or CSV)."""
    tenant = await tenants_service.get_tenant(session, caller, tenant_id)
    chosen = month or usage.current_month()
    db = get_state(request).db
    services = get_state(request).services
    await _flush(request)
    (row,) = await usage.report(db, services, [tenant], chosen)
    if _wants_csv(request, fmt):
        return _answer(request, [row], fmt, f"usage-{tenant.slug}-{chosen}")
    return row


@router.get("/v1/usage", response_model=list[TenantUsage], responses=AS_CSV)
async def all_usage(
    request: Request,
    caller: CallerDep,
    session: GatewaySessionDep,
    month: Month = None,
    fmt: Format = None,
) -> Any:
    """Every partner's usage in a month, side by side (operator only; JSON or CSV)."""
    tenants = await tenants_service.list_tenants(session, caller)
    chosen = month or usage.current_month()
    db = get_state(request).db
    services = get_state(request).services
    await _flush(request)
    rows = await usage.report(db, services, tenants, chosen)
    return _answer(request, rows, fmt, f"usage-{chosen}")
