"""Shared steps of the analytics tests."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx
from fastapi import FastAPI

from analytics.handlers import on_tenant_created
from analytics.redirect import service as redirect
from analytics.rollups import service as rollups
from contracts import samples
from kit.auth import InternalPrincipal
from kit.db import Database
from kit.events import consumer
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery, principal

STORE = "store.shopping.yahoo.co.jp"
BROWSER_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)


def anonymous(tenant_id: uuid.UUID | None = None) -> InternalPrincipal:
    """The principal the gateway forwards public requests (/r/, webhooks) with."""
    return InternalPrincipal(sub="anonymous", kind="anonymous", tenant_id=tenant_id)


async def allow_store(db: Database, tenant: uuid.UUID, *domains: str) -> None:
    """The operator's tenant (its store domains) as the gateway announces it."""
    created = samples.tenant_created(
        timezone="UTC", allowed_store_domains=list(domains or (STORE,))
    )
    assert await consumer.handle(on_tenant_created, db, delivery(created, tenant))


async def new_link(http: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    body = {"destination": f"https://{STORE}/takeo/garlic.html", **fields}
    response = await http.post("/v1/links", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def town_with_link(
    as_user: Callable[[InternalPrincipal], httpx.AsyncClient], runtime: ServiceRuntime
) -> tuple[uuid.UUID, httpx.AsyncClient, dict[str, Any]]:
    """A new tenant, its admin's client (the store allowed) and one tracked link."""
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    await allow_store(runtime.db, tenant)
    return tenant, admin, await new_link(admin)


async def flush(app: FastAPI) -> int:
    ctx = app.state.analytics
    return await redirect.flush(app.state.db, ctx.buffer, ctx.settings)


async def roll_up(runtime: ServiceRuntime) -> int:
    return await rollups.run(runtime.jobs_db)
