"""Playbook export; the import is `POST /v1/tenants` with `from_playbook` (see gateway.api)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request

from gateway import access
from gateway.audit import service as audit
from gateway.dependencies import CallerDep, GatewaySessionDep
from gateway.playbook import service as playbooks
from gateway.playbook.schemas import PlaybookDocument
from gateway.state import get_state
from gateway.tenants import service as tenants

router = APIRouter(tags=["tenants"])


@router.get("/v1/tenants/{tenant_id}/playbook", response_model=PlaybookDocument)
async def export_playbook(
    tenant_id: uuid.UUID, request: Request, caller: CallerDep, session: GatewaySessionDep
) -> dict[str, Any]:
    """The tenant's reusable model as a `machi.playbook` v1 document (operator only)."""
    access.require_operator(caller)
    tenant = await tenants.get_tenant(session, caller, tenant_id)
    await audit.record(
        session, caller, "tenant.playbook_exported", f"tenant:{tenant_id}", tenant_id=tenant_id
    )
    services = get_state(request).services
    return await playbooks.export(services, tenant)
