"""Tenant export: every row a service keeps for one tenant, as NDJSON, without its secrets.

One mechanism for every service (issue 6, "export of all its data"): a service's tenant tables
are the tables of its metadata that have a `tenant_id` column; each row becomes one line

    {"service": "catalog", "table": "products", "row": {"id": "...", ...}}

read in one read-only, repeatable-read transaction scoped to the tenant (row-level security plus
an explicit `tenant_id` filter, for the few directory tables that have no RLS), so the lines are
one consistent snapshot. Columns marked secret never leave:

    credentials: Mapped[bytes | None] = mapped_column(LargeBinary, info=SECRET)

Each service serves its part at `GET /internal/v1/export` (`router`), for the gateway's service
principal only. `document` frames the parts, in one format whoever assembles them: the gateway
(`GET /v1/tenants/{id}/export`, parts over HTTP) or `machi tenants export` (parts read directly):

    {"export": {"format": "machi.tenant-export", "version": 1, "tenant_id": ..., ...}}
    {"service": "gateway", "table": "tenants", "row": {...}}
    ...
    {"end": {"rows": {"gateway": 12, "catalog": 340, ...}}}

A document without its `end` line is truncated, never whole.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import AsyncIterable, AsyncIterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from sqlalchemy import Column, MetaData, Table, select

from kit import tenancy
from kit.db import Database
from kit.dependencies import PrincipalDep
from kit.errors import Forbidden, InvalidInput, ProblemError

FORMAT = "machi.tenant-export"
VERSION = 1
SECRET: dict[str, Any] = {"secret": True}  # `info=` of a column that never leaves the database
TENANT_COLUMN = "tenant_id"
PATH = "/internal/v1/export"
MEDIA_TYPE = "application/x-ndjson"
SERVICE_KIND = "service"
BATCH_ROWS = 500  # rows fetched per round trip from the server-side cursor


class ExportUnavailable(ProblemError):
    """A part of the export cannot be had: the whole export fails, never a partial one."""

    status = 503
    type = "export-unavailable"
    title = "Export unavailable"


class ExportInterrupted(RuntimeError):
    """A part broke off mid-way: the document is left without its `end` line."""


def is_secret(column: Column[Any]) -> bool:
    """Whether `column` is marked `info=SECRET` (encrypted credentials, hashes, tokens)."""
    return bool(column.info.get("secret", False))


def tenant_tables(metadata: MetaData) -> list[Table]:
    """The tables holding tenant rows, parents before children (the order to re-import them)."""
    return [t for t in metadata.sorted_tables if TENANT_COLUMN in t.columns]


def exported_columns(table: Table) -> list[Column[Any]]:
    """The columns of `table` an export carries: all but the secret ones."""
    return [c for c in table.columns if not is_secret(c)]


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)  # exact: a price is never rounded through a float
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"cannot export a {type(value).__name__}")


def line(table: Table, row: Mapping[Any, Any], *, service: str | None = None) -> bytes:
    """One NDJSON line for `row` of `table`, its secret columns left out."""
    kept = {c.name: row[c.name] for c in exported_columns(table) if c.name in row}
    head: dict[str, Any] = {"service": service} if service else {}
    return _json_line({**head, "table": table.name, "row": kept})


async def export_tenant(
    db: Database, metadata: MetaData, tenant_id: uuid.UUID, *, service: str | None = None
) -> AsyncIterator[bytes]:
    """Every row of `tenant_id` in the tenant tables of `metadata`, one NDJSON line each.

    Lines are `{"service"?, "table", "row"}` (`service` only when given), tables in dependency
    order, rows in primary-key order; secret columns (`info=SECRET`) are left out. Rows are
    streamed from a server-side cursor in one read-only snapshot, so memory stays flat.
    """
    async with db.sessionmaker() as session, session.begin():
        # The first statement of the transaction fixes its snapshot: every table is read as of
        # the same moment, and nothing can be written through it.
        await session.connection(
            execution_options={"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
        )
        await tenancy.set_tenant(session, tenant_id)
        for table in tenant_tables(metadata):
            statement = (
                select(*exported_columns(table))
                .where(table.c[TENANT_COLUMN] == tenant_id)
                .order_by(*table.primary_key.columns)
                .execution_options(yield_per=BATCH_ROWS)
            )
            result = await session.stream(statement)
            async for row in result.mappings():
                yield line(table, row, service=service)


def _json_line(document: dict[str, Any]) -> bytes:
    return json.dumps(document, default=_jsonable, ensure_ascii=False).encode() + b"\n"


async def document(
    tenant_id: uuid.UUID, parts: Sequence[tuple[str, AsyncIterable[bytes]]], **about: Any
) -> AsyncIterator[bytes]:
    """One tenant's export: an `export` header line (with `about`), each part's NDJSON lines as
    they come (a part is a service name and its lines, e.g. `export_tenant(...)` or an HTTP
    body), and an `end` line counting each part's rows. A part that ends mid-line raises
    `ExportInterrupted` before the `end` line."""
    header = {
        "format": FORMAT,
        "version": VERSION,
        "tenant_id": str(tenant_id),
        "exported_at": datetime.now(UTC).isoformat(),
        "services": [name for name, _ in parts],
        **about,
    }
    yield _json_line({"export": header})
    counts: dict[str, int] = {}
    for name, lines in parts:
        counts[name] = 0
        last = b"\n"
        async for chunk in lines:
            if chunk:
                counts[name] += chunk.count(b"\n")
                last = chunk[-1:]
                yield chunk
        if last != b"\n":
            raise ExportInterrupted(f"the export of {name} ended mid-line")
    yield _json_line({"end": {"rows": counts}})


def router(metadata: MetaData) -> APIRouter:
    """`GET /internal/v1/export`: the calling tenant's rows of this service, for the gateway's
    service principal only (users and keys get 403; the gateway routes no `/internal` path)."""
    routes = APIRouter()

    @routes.get(PATH, include_in_schema=False)
    async def export(request: Request, principal: PrincipalDep) -> StreamingResponse:
        """The tenant's rows of this service as NDJSON (`kit.export`)."""
        if principal.kind != SERVICE_KIND:
            raise Forbidden("only the gateway exports a tenant")
        if principal.tenant_id is None:
            raise InvalidInput("an export is of one tenant")
        db: Database = request.app.state.db
        service: str = request.app.state.runtime.service
        lines = export_tenant(db, metadata, principal.tenant_id, service=service)
        return StreamingResponse(lines, media_type=MEDIA_TYPE)

    return routes
