"""`machi tenants export`: one tenant's rows from every database, as the gateway's export
document (`GET /v1/tenants/{id}/export`), read straight from the databases (kit.export)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from pathlib import Path

import httpx
import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from sqlalchemy import MetaData

import analytics.models
import catalog.models
import publisher.models
from gateway.errors import TenantNotFound
from gateway.export import service as exports
from kit import export
from kit.auth import InternalPrincipal
from kit.db import Database
from kit.policy import OPERATOR as OPERATOR_ROLE
from kit.settings import MachiSettings

app = typer.Typer(help="Tenants (partner municipalities).", no_args_is_help=True)

# Whoever runs the command holds the database owner's URL: they act as the platform operator.
OPERATOR = InternalPrincipal(
    sub="machi-cli", kind="service", tenant_id=None, roles=frozenset({OPERATOR_ROLE})
)
# The services in the gateway's order (gateway.routes.UPSTREAMS), with their models.
SERVICE_MODELS: dict[str, MetaData] = {
    "catalog": catalog.models.Base.metadata,
    "publisher": publisher.models.Base.metadata,
    "analytics": analytics.models.Base.metadata,
}


def _part(service: str, lines: AsyncIterator[bytes]) -> exports.ExportPart:
    """A service's rows as the gateway's export part (there, an HTTP answer being read)."""
    return exports.ExportPart(service, httpx.Response(200, content=lines))


async def _export(settings: MachiSettings, tenant_id: uuid.UUID, out: Path) -> int:
    """Write the export document to `out`; returns the lines written."""
    async with AsyncExitStack() as stack:
        databases = {}
        for service in ["gateway", *SERVICE_MODELS]:
            db = Database(settings.app_url(service), pool_size=1)
            stack.push_async_callback(db.dispose)
            databases[service] = db
        try:
            async with databases["gateway"].transaction() as session:
                tenant, plan = await exports.exported_tenant(session, OPERATOR, tenant_id)
        except TenantNotFound:
            raise SystemExit(f"no tenant {tenant_id}") from None
        parts = [
            _part(name, export.export_tenant(databases[name], metadata, tenant_id, service=name))
            for name, metadata in SERVICE_MODELS.items()
        ]
        columns = (SpinnerColumn(), TextColumn("{task.completed} rows"), TimeElapsedColumn())
        written = 0
        partial = out.with_name(out.name + ".partial")
        try:
            with Progress(*columns) as progress, partial.open("wb") as handle:
                task = progress.add_task("export", total=None)
                async for chunk in exports.export_document(
                    databases["gateway"], tenant, plan, parts
                ):
                    handle.write(chunk)
                    written += chunk.count(b"\n")
                    progress.update(task, completed=written)
        except BaseException:
            partial.unlink(missing_ok=True)  # a broken export never passes for a whole one
            raise
        partial.replace(out)
        return written


@app.command("export")
def export_(
    tenant: uuid.UUID = typer.Argument(..., help="The tenant's id."),
    out: Path = typer.Option(..., "--out", dir_okay=False, help="The NDJSON file to write."),
) -> None:
    """Every row the platform keeps for a tenant, secrets left out, into one NDJSON file."""
    settings = MachiSettings()
    if not settings.database_url:
        raise SystemExit("DATABASE_URL is not set")
    lines = asyncio.run(_export(settings, tenant, out))
    Console().print(f"{out}: {lines} lines")
