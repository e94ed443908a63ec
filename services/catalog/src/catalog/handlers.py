"""Events the catalog consumes: the tenant's profile (languages, time zone) from the gateway."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from catalog.tenants import service as tenants
from contracts.gateway import TenantCreatedV1, TenantUpdatedV1
from kit.events.consumer import Subscription, subscribe
from kit.events.envelope import Envelope


@subscribe(TenantCreatedV1, consumer="catalog.on-tenant-created")
async def on_tenant_created(event: Envelope[TenantCreatedV1], session: AsyncSession) -> None:
    """Keep a new tenant's languages: they decide the fallback text of every read."""
    await tenants.keep_profile(session, event.tenant_id, event.payload, event.occurred_at)


@subscribe(TenantUpdatedV1, consumer="catalog.on-tenant-updated")
async def on_tenant_updated(event: Envelope[TenantUpdatedV1], session: AsyncSession) -> None:
    """Keep an edited tenant's languages (the event carries the whole profile)."""
    await tenants.keep_profile(session, event.tenant_id, event.payload, event.occurred_at)


SUBSCRIPTIONS: list[Subscription[Any]] = [on_tenant_created, on_tenant_updated]
