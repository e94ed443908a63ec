"""Per-tenant tracking settings and webhook secrets (admins)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from analytics.dependencies import ContextDep
from analytics.models import TenantSettings
from analytics.tracking import service
from analytics.tracking.schemas import (
    Store,
    TrackingRead,
    TrackingUpdate,
    WebhookSecretSet,
    WebhookSecretsRead,
)
from kit.auth import InternalPrincipal
from kit.dependencies import PrincipalDep, SessionDep
from kit.errors import Forbidden

router = APIRouter(prefix="/v1/settings", tags=["settings"])


def tenant_of(principal: InternalPrincipal) -> uuid.UUID:
    """Settings belong to a tenant; an operator token without one has none to change."""
    if principal.tenant_id is None:
        raise Forbidden("a tenant is required")
    return principal.tenant_id


@router.get("/tracking", response_model=TrackingRead)
async def read_tracking(
    session: SessionDep, principal: PrincipalDep, ctx: ContextDep
) -> TenantSettings:
    """The tenant's allowed store domains and tracking switches."""
    tenant = tenant_of(principal)
    return await service.settings_of(session, tenant, ctx.settings.attribution_window_days)


@router.put("/tracking", response_model=TrackingRead)
async def update_tracking(
    change: TrackingUpdate, session: SessionDep, principal: PrincipalDep, ctx: ContextDep
) -> TenantSettings:
    """Change allowed store domains or tracking switches (off, no referrer, no user agent)."""
    tenant = tenant_of(principal)
    return await service.update(session, tenant, change, ctx.settings.attribution_window_days)


@router.get("/webhooks", response_model=WebhookSecretsRead)
async def read_webhooks(session: SessionDep, principal: PrincipalDep, ctx: ContextDep) -> object:
    """Which stores have a webhook secret set (never the secrets)."""
    tenant = tenant_of(principal)
    row = await service.settings_of(session, tenant, ctx.settings.attribution_window_days)
    return WebhookSecretsRead(
        shopify=row.shopify_secret is not None,
        woocommerce=row.woocommerce_secret is not None,
        postback=row.postback_secret is not None,
    )


@router.put("/webhooks/{store}", status_code=status.HTTP_204_NO_CONTENT)
async def set_webhook_secret(
    store: Store,
    body: WebhookSecretSet,
    session: SessionDep,
    principal: PrincipalDep,
    ctx: ContextDep,
) -> None:
    """Set the secret a store signs its webhooks with; stored encrypted, never returned."""
    tenant = tenant_of(principal)
    await service.set_webhook_secret(
        session, tenant, store, body.secret, ctx.secrets, ctx.settings.attribution_window_days
    )
