"""Routes of tenants: onboarding, reading, changing, suspending and reactivating towns."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status

from gateway import access
from gateway.audit import service as audit
from gateway.dependencies import CallerDep, GatewaySessionDep
from gateway.playbook import service as playbooks
from gateway.state import get_state
from gateway.tenants import service
from gateway.tenants.schemas import (
    SecuritySettings,
    TenantCreate,
    TenantCreated,
    TenantRead,
    TenantUpdate,
)
from kit.pagination import DEFAULT_LIMIT, Limit, Page

router = APIRouter()


@router.post(
    "/v1/tenants",
    status_code=status.HTTP_201_CREATED,
    response_model=TenantCreated,
    tags=["tenants"],
)
async def create_tenant(data: TenantCreate, request: Request, caller: CallerDep) -> object:
    """Onboard a municipality (operator only), optionally from another town's playbook."""
    access.require_operator(caller)
    document = playbooks.check(data.from_playbook) if data.from_playbook is not None else None
    if document is not None:
        data = playbooks.with_profile(data, document)
    db = get_state(request).db
    async with db.transaction() as session:
        created = await service.open_tenant(session, caller, data)
        await audit.record(
            session,
            caller,
            "tenant.created",
            f"tenant:{created.id}",
            tenant_id=created.id,
            after=created,
        )
    if document is None:
        return created
    # After the commit: the services are told about a tenant that exists.
    services = get_state(request).services
    outcome = await playbooks.apply(services, created.id, document)
    return TenantCreated(**created.model_dump(), playbook=outcome)


@router.get("/v1/tenants", response_model=Page[TenantRead], tags=["tenants"])
async def list_tenants(
    caller: CallerDep,
    session: GatewaySessionDep,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """The tenants, by slug, a page at a time (operator only)."""
    items, next_cursor = await service.page_tenants(session, caller, cursor=cursor, limit=limit)
    return {"items": items, "next_cursor": next_cursor}


@router.get("/v1/tenants/{tenant_id}", response_model=TenantRead, tags=["tenants"])
async def get_tenant(tenant_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep) -> object:
    """One tenant, to the operator or its own members."""
    return await service.get_tenant(session, caller, tenant_id)


@router.patch("/v1/tenants/{tenant_id}", response_model=TenantRead, tags=["tenants"])
async def update_tenant(
    tenant_id: uuid.UUID, data: TenantUpdate, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Change a tenant's profile, plan, quotas or status (operator only)."""
    before = await service.get_tenant(session, caller, tenant_id)
    after = await service.update_tenant(session, caller, tenant_id, data)
    await audit.record(
        session,
        caller,
        "tenant.updated",
        f"tenant:{tenant_id}",
        tenant_id=tenant_id,
        before=before,
        after=after,
    )
    return after


@router.post("/v1/tenants/{tenant_id}/suspend", response_model=TenantRead, tags=["tenants"])
async def suspend_tenant(
    tenant_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Suspend a tenant: its users and keys get 403 `tenant-suspended`; its data is kept."""
    tenant = await service.set_tenant_status(session, caller, tenant_id, "suspended")
    await audit.record(
        session, caller, "tenant.suspended", f"tenant:{tenant_id}", tenant_id=tenant_id
    )
    return tenant


@router.post("/v1/tenants/{tenant_id}/reactivate", response_model=TenantRead, tags=["tenants"])
async def reactivate_tenant(
    tenant_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Reactivate a suspended tenant (operator only)."""
    tenant = await service.set_tenant_status(session, caller, tenant_id, "active")
    await audit.record(
        session, caller, "tenant.reactivated", f"tenant:{tenant_id}", tenant_id=tenant_id
    )
    return tenant


@router.get("/v1/settings/security", response_model=SecuritySettings, tags=["tenants"])
async def get_security_settings(caller: CallerDep, session: GatewaySessionDep) -> object:
    """The town's security settings (its admins): must admins and editors use a second factor."""
    return await service.security_settings(session, caller)


@router.put("/v1/settings/security", response_model=SecuritySettings, tags=["tenants"])
async def put_security_settings(
    data: SecuritySettings, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Require (or stop requiring) a TOTP second factor of the town's admins and editors. A
    logged-in admin only: an API key gets 403."""
    before = await service.security_settings(session, caller)
    after = await service.update_security_settings(session, caller, data)
    await audit.record(
        session,
        caller,
        "settings.security",
        f"tenant:{caller.tenant_id}",
        tenant_id=caller.tenant_id,
        before=before,
        after=after,
    )
    return after
