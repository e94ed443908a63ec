"""Tenant export: one tenant's rows, as NDJSON, without secret columns, for the gateway only."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Callable
from types import SimpleNamespace
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Column, MetaData, Table, Text
from sqlalchemy.dialects.postgresql import UUID

from kit import export, migrations
from kit.auth import InternalPrincipal, TokenSigner, TokenVerifier
from kit.db import Database
from kit.http import install_problem_handlers
from kit.settings import MachiSettings
from kit.tenancy import rls_statements

from .conftest import SERVICE, KitBase

TOKEN = "s3cr3t-token-never-exported"

vault_metadata = MetaData()
vault = Table(
    "export_vault",
    vault_metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("tenant_id", UUID(as_uuid=True), nullable=False),
    Column("label", Text, nullable=False),
    Column("token", Text, info=export.SECRET),
)
Table("no_tenant", vault_metadata, Column("code", Text, primary_key=True))


@pytest.fixture(scope="module")
async def vault_table(kit_db: Database, machi_settings: MachiSettings) -> None:
    dsn = migrations.asyncpg_dsn(machi_settings.owner_url(SERVICE))
    owner = await asyncpg.connect(dsn)
    try:
        await owner.execute(
            "CREATE TABLE IF NOT EXISTS export_vault (id uuid PRIMARY KEY, tenant_id uuid NOT NULL,"
            " label text NOT NULL, token text)"
        )
        await owner.execute("CREATE TABLE IF NOT EXISTS no_tenant (code text PRIMARY KEY)")
        for statement in rls_statements("export_vault"):
            await owner.execute(statement)
    finally:
        await owner.close()
    await migrations.grant_app_role(machi_settings, SERVICE)


async def seed(owner: asyncpg.Connection, tenant: uuid.UUID, label: str) -> None:
    await owner.execute(
        "INSERT INTO export_vault VALUES ($1, $2, $3, $4)", uuid.uuid4(), tenant, label, TOKEN
    )
    await owner.execute("INSERT INTO notes VALUES ($1, $2, $3)", uuid.uuid4(), tenant, label)


async def collect(lines: AsyncIterator[bytes]) -> list[dict[str, Any]]:
    return [json.loads(chunk) async for chunk in lines]


@pytest.mark.usefixtures("vault_table")
async def test_export_holds_the_tenants_rows_and_no_other_tenants(
    kit_db: Database, owner: asyncpg.Connection
) -> None:
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    await seed(owner, mine, "mine")
    await seed(owner, theirs, "theirs")

    lines = await collect(export.export_tenant(kit_db, vault_metadata, mine))

    assert [(x["table"], x["row"]["label"]) for x in lines] == [("export_vault", "mine")]
    assert {x["row"]["tenant_id"] for x in lines} == {str(mine)}


@pytest.mark.usefixtures("vault_table")
async def test_secret_columns_never_leave(kit_db: Database, owner: asyncpg.Connection) -> None:
    tenant = uuid.uuid4()
    await seed(owner, tenant, "with a token")

    raw = b"".join([c async for c in export.export_tenant(kit_db, vault_metadata, tenant)])

    assert TOKEN.encode() not in raw
    assert "token" not in json.loads(raw)["row"]


@pytest.mark.usefixtures("vault_table")
async def test_tables_come_parents_first_and_lines_name_the_service(
    kit_db: Database, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    await seed(owner, tenant, "note")

    lines = await collect(export.export_tenant(kit_db, KitBase.metadata, tenant, service="kit"))

    assert [(x["service"], x["table"]) for x in lines] == [("kit", "notes")]
    assert [t.name for t in export.tenant_tables(KitBase.metadata)] == ["notes", "effects"]


def export_app(db: Database, signer: TokenSigner) -> FastAPI:
    app = FastAPI()
    app.state.db = db
    app.state.runtime = SimpleNamespace(service=SERVICE, settings=MachiSettings())
    app.state.verifier = TokenVerifier(SERVICE, issuer=signer.issuer, jwks=signer.jwks())
    install_problem_handlers(app)
    app.include_router(export.router(vault_metadata))
    return app


Caller = Callable[[InternalPrincipal], Any]


@pytest.fixture
def call_export(kit_db: Database, signer: TokenSigner) -> Caller:
    async def call(who: InternalPrincipal) -> httpx.Response:
        transport = httpx.ASGITransport(app=export_app(kit_db, signer))
        async with httpx.AsyncClient(transport=transport, base_url="http://kit") as http:
            token = signer.mint(who, SERVICE)
            return await http.get(export.PATH, headers={"Authorization": f"Bearer {token}"})

    return call


@pytest.mark.usefixtures("vault_table")
async def test_the_gateway_gets_the_tenants_rows_over_http(
    call_export: Caller, owner: asyncpg.Connection
) -> None:
    tenant = uuid.uuid4()
    await seed(owner, tenant, "over http")

    response = await call_export(InternalPrincipal(sub="gateway", kind="service", tenant_id=tenant))

    assert response.status_code == 200
    assert response.headers["content-type"] == export.MEDIA_TYPE
    lines = [json.loads(x) for x in response.text.splitlines()]
    assert [(x["service"], x["row"]["label"]) for x in lines] == [(SERVICE, "over http")]


@pytest.mark.usefixtures("vault_table")
async def test_a_user_cannot_export_even_an_admin(call_export: Caller) -> None:
    admin = InternalPrincipal(
        sub="u", kind="user", tenant_id=uuid.uuid4(), roles=frozenset({"admin"})
    )

    response = await call_export(admin)

    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"


async def lines_of(*chunks: bytes) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


async def test_a_document_frames_its_parts_and_counts_their_rows() -> None:
    tenant = uuid.uuid4()
    parts = [("a", lines_of(b'{"row": 1}\n{"row"', b": 2}\n")), ("b", lines_of())]

    raw = b"".join([chunk async for chunk in export.document(tenant, parts, slug="takeo")])
    lines = [json.loads(line) for line in raw.splitlines()]

    assert lines[0]["export"]["tenant_id"] == str(tenant)
    assert (lines[0]["export"]["services"], lines[0]["export"]["slug"]) == (["a", "b"], "takeo")
    assert lines[1:-1] == [{"row": 1}, {"row": 2}]
    assert lines[-1] == {"end": {"rows": {"a": 2, "b": 0}}}


async def test_a_part_ending_mid_line_leaves_the_document_without_its_end() -> None:
    seen: list[bytes] = []
    parts = [("a", lines_of(b'{"row": 1}\n{"ro'))]

    async def read_all() -> None:
        async for chunk in export.document(uuid.uuid4(), parts):
            seen.append(chunk)

    with pytest.raises(export.ExportInterrupted):
        await read_all()

    assert seen[-1] == b'{"row": 1}\n{"ro'
    assert not any(b'"end"' in chunk for chunk in seen)
