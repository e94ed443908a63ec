"""The route of a tenant's export (operator only)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

from gateway.audit import service as audit
from gateway.dependencies import CallerDep
from gateway.export import service
from gateway.routes import UPSTREAMS
from gateway.state import get_state
from kit import export

router = APIRouter()


@router.get(
    "/v1/tenants/{tenant_id}/export",
    response_class=StreamingResponse,
    tags=["tenants"],
    responses={
        200: {
            "description": "One NDJSON document: an `export` line, one line per row, an `end` line",
            "content": {export.MEDIA_TYPE: {"schema": {"type": "string"}}},
        },
        503: {"description": "A service is down: no export rather than a partial one"},
    },
)
async def export_tenant(tenant_id: uuid.UUID, request: Request, caller: CallerDep) -> Response:
    """Every row the platform keeps for a tenant, secrets left out (operator only)."""
    db = get_state(request).db
    async with db.transaction() as session:
        tenant, plan = await service.exported_tenant(session, caller, tenant_id)
        await audit.record(
            session, caller, "tenant.exported", f"tenant:{tenant_id}", tenant_id=tenant_id
        )
    settings = get_state(request).settings
    signer = get_state(request).signer
    parts = await service.open_exports(
        get_state(request).upstreams,
        signer,
        tenant_id,
        UPSTREAMS,
        settings.upstream_timeout_seconds,
    )
    return StreamingResponse(
        service.export_document(db, tenant, plan, parts),
        media_type=export.MEDIA_TYPE,
        headers={
            "content-disposition": f'attachment; filename="{tenant["slug"]}-export.ndjson"',
            "cache-control": "no-store",
        },
        # Runs even when the body never started (client gone): no answer is left open.
        background=BackgroundTask(service.close_exports, parts),
    )
