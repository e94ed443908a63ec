"""Routes of plans."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from gateway.audit import service as audit
from gateway.dependencies import CallerDep, GatewaySessionDep
from gateway.plans import service
from gateway.plans.schemas import PlanRead, PlanWrite
from gateway.schemas import PlanName
from kit.pagination import DEFAULT_LIMIT, Limit, Page

router = APIRouter()


@router.get("/v1/plans", response_model=Page[PlanRead], tags=["plans"])
async def list_plans(
    _: CallerDep,
    session: GatewaySessionDep,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """The plans with their quotas and features, by name, a page at a time."""
    items, next_cursor = await service.page_plans(session, cursor=cursor, limit=limit)
    return {"items": items, "next_cursor": next_cursor}


@router.put("/v1/plans/{name}", response_model=PlanRead, tags=["plans"])
async def put_plan(
    name: Annotated[PlanName, Path()],
    data: PlanWrite,
    caller: CallerDep,
    session: GatewaySessionDep,
) -> object:
    """Create or change a plan (operator only); its tenants' services hear of it by event."""
    plan = await service.put_plan(session, caller, name, data)
    await audit.record(session, caller, "plan.changed", f"plan:{name}", after=data)
    return plan
