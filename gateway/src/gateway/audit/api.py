"""The audit log API: admins read their town's records, the operator every town's; JSON pages
or CSV (`/v1/audit.csv` or `?format=csv`)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import StreamingResponse

from gateway.audit import service as audit
from gateway.audit.repository import Filters
from gateway.audit.schemas import AuditEventRead
from gateway.dependencies import CallerDep, GatewaySessionDep, client_ip
from gateway.state import get_state
from kit import csvout
from kit.pagination import DEFAULT_LIMIT, Limit, Page

router = APIRouter(tags=["audit"])
CSV = "text/csv"
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {CSV: {"schema": {"type": "string"}}}, "description": "The records as CSV"}
}
Format = Annotated[str | None, Query(pattern="^(json|csv)$", alias="format")]


async def remember_origin(request: Request) -> None:
    """Where the request came from, for the records its handler makes (`audit.origin_var`)."""
    audit.origin_var.set(audit.Origin(client_ip(request), request.method, request.url.path))


async def read_filters(
    caller: CallerDep,
    actor: Annotated[
        str | None, Query(max_length=100, description="`user:<id>`, `key:<id>`")
    ] = None,
    action: Annotated[
        str | None,
        Query(max_length=64, description="An action, or a prefix ending in `.`"),
    ] = None,
    target: Annotated[str | None, Query(max_length=400)] = None,
    since: Annotated[datetime | None, Query(description="Records made at or after")] = None,
    until: Annotated[datetime | None, Query(description="Records made before")] = None,
    tenant_id: Annotated[uuid.UUID | None, Query(description="Operator: one town's")] = None,
) -> Filters:
    """The records the caller asks for, within those they may read."""
    return audit.filters_for(
        caller,
        tenant_id,
        actor=actor,
        action=action,
        target=target,
        since=_utc(since),
        until=_utc(until),
    )


def _utc(moment: datetime | None) -> datetime | None:
    # A time without an offset is read as UTC, as the records' times are given.
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


FiltersDep = Annotated[Filters, Depends(read_filters)]


async def _csv(request: Request, filters: Filters) -> Response:
    db = get_state(request).db
    return StreamingResponse(
        await csvout.primed(audit.csv_lines(db, filters)),
        media_type=f"{CSV}; charset=utf-8",
        headers={
            "content-disposition": 'attachment; filename="audit.csv"',
            "cache-control": "no-store",
        },
    )


@router.get("/v1/audit", response_model=Page[AuditEventRead], responses=CSV_RESPONSE)
async def list_audit(
    request: Request,
    filters: FiltersDep,
    session: GatewaySessionDep,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
    fmt: Format = None,
) -> Any:
    """The audit log, newest first: admins their town's, the operator every town's (or
    `tenant_id`'s). Filters: `actor`, `action` (a name, or a prefix ending in `.`), `target`,
    `since`, `until`. `?format=csv` gives every matching record as CSV."""
    if fmt == "csv":
        return await _csv(request, filters)
    items, next_cursor = await audit.page(session, filters, cursor=cursor, limit=limit)
    return {"items": items, "next_cursor": next_cursor}


@router.get("/v1/audit.csv", response_class=StreamingResponse, responses=CSV_RESPONSE)
async def audit_csv(request: Request, filters: FiltersDep) -> Response:
    """Every matching record of the audit log as CSV (same filters and rights as `/v1/audit`)."""
    return await _csv(request, filters)
