"""A tenant's export: the gateway's rows and each service's, as one `kit.export` document
streamed to the operator."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass

import httpx
from sqlalchemy import RowMapping, Table
from sqlalchemy.ext.asyncio import AsyncSession

from gateway import access
from gateway.errors import TenantNotFound
from gateway.models import Base
from gateway.plans.models import Plan
from gateway.tenants import repository as tenants_repo
from gateway.tenants.models import Tenant
from gateway.upstream import gateway_acting_for
from kit import export
from kit.auth import InternalPrincipal, TokenSigner
from kit.db import Database

log = logging.getLogger(__name__)


EXPORT_SOURCE = "gateway"


@dataclass(frozen=True)
class ExportPart:
    """One service's export of the tenant: its 200 answer, open, its body not yet read."""

    service: str
    response: httpx.Response


async def exported_tenant(
    session: AsyncSession, caller: InternalPrincipal, tenant_id: uuid.UUID
) -> tuple[RowMapping, RowMapping | None]:
    """The row of the tenant to export and of its plan (operator only)."""
    access.require_operator(caller)
    found = await tenants_repo.tenant_and_plan_rows(session, tenant_id)
    if found is None:
        raise TenantNotFound(f"no tenant {tenant_id}")
    return found


async def open_exports(
    upstreams: Mapping[str, httpx.AsyncClient],
    signer: TokenSigner,
    tenant_id: uuid.UUID,
    services: Sequence[str],
    timeout: float,
) -> list[ExportPart]:
    """Every service's export of the tenant, each answered 200, before a byte is sent: one that
    is down is a 503 `export-unavailable` naming it (and the others are closed), never a silently
    partial document."""
    parts: list[ExportPart] = []
    try:
        for name in services:
            parts.append(await _open_export(upstreams, signer, tenant_id, name, timeout))
    except BaseException:
        await close_exports(parts)
        raise
    return parts


async def close_exports(parts: Sequence[ExportPart]) -> None:
    """Close every part's answer (harmless twice)."""
    for part in parts:
        await part.response.aclose()


async def _open_export(
    upstreams: Mapping[str, httpx.AsyncClient],
    signer: TokenSigner,
    tenant_id: uuid.UUID,
    name: str,
    timeout: float,
) -> ExportPart:
    client = upstreams.get(name)
    if client is None:
        raise export.ExportUnavailable(f"{name} is not configured", service=name)
    token = signer.mint(gateway_acting_for(tenant_id), audience=name)
    request = client.build_request(
        "GET", export.PATH, headers={"authorization": f"Bearer {token}"}, timeout=timeout
    )
    try:
        response = await client.send(request, stream=True)
    except httpx.HTTPError as exc:
        log.warning("export part unreachable", extra={"upstream": name, "error": repr(exc)})
        raise export.ExportUnavailable(f"{name} is unreachable", service=name) from exc
    if response.status_code != 200:
        await response.aclose()
        raise export.ExportUnavailable(f"{name} answered {response.status_code}", service=name)
    return ExportPart(name, response)


def _table(model: type[Base]) -> Table:
    return Base.metadata.tables[model.__tablename__]


async def export_document(
    db: Database, tenant: RowMapping, plan: RowMapping | None, parts: Sequence[ExportPart]
) -> AsyncIterator[bytes]:
    """The tenant's export as one `kit.export` document, streamed as it is read: the gateway's
    rows (tenant, plan, users, invitations, API keys, usage; never a password, key or token
    hash), then each service's. A part that breaks off ends the transfer without the `end`
    line, so a truncated export is never taken for a whole one."""
    tenant_id: uuid.UUID = tenant["id"]
    sources = [
        (EXPORT_SOURCE, gateway_export(db, tenant, plan)),
        *((part.service, _relay_part(part)) for part in parts),
    ]
    try:
        async for chunk in export.document(tenant_id, sources, slug=tenant["slug"]):
            yield chunk
    finally:
        await close_exports(parts)


async def gateway_export(
    db: Database, tenant: RowMapping, plan: RowMapping | None
) -> AsyncIterator[bytes]:
    """The gateway's part of a tenant export (its tenant and plan rows, then every table's)."""
    yield export.line(_table(Tenant), tenant, service=EXPORT_SOURCE)
    if plan is not None:
        yield export.line(_table(Plan), plan, service=EXPORT_SOURCE)
    async for row in export.export_tenant(db, Base.metadata, tenant["id"], service=EXPORT_SOURCE):
        yield row


async def _relay_part(part: ExportPart) -> AsyncIterator[bytes]:
    try:
        async for chunk in part.response.aiter_bytes():
            yield chunk
    except httpx.HTTPError:
        log.error("export part broke off", extra={"upstream": part.service}, exc_info=True)
        raise
