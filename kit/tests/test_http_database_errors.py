"""A database that cannot take a request, or refuses a value, is a problem document, not a 500."""

from __future__ import annotations

import uuid

import asyncpg
import httpx
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from kit.errors import type_uri
from kit.http import install_problem_handlers


def _app(url: str) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/value/{value}")
    async def store(value: str) -> dict[str, str]:
        engine = create_async_engine(url)
        try:
            async with engine.connect() as conn:
                got = (await conn.execute(text("SELECT CAST(:v AS text)"), {"v": value})).scalar()
        finally:
            await engine.dispose()
        return {"stored": str(got)}

    return app


async def _call(app: FastAPI, path: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        return await http.get(path)


async def test_a_full_database_answers_503_with_retry_after(pg_server_url: str) -> None:
    # A role allowed no connections gets the same refusal as a server at max_connections
    # (SQLSTATE 53300, too many connections).
    role = f"t_full_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(pg_server_url)
    try:
        await admin.execute(f"CREATE ROLE {role} LOGIN CONNECTION LIMIT 0")
        url = make_url(pg_server_url).set(drivername="postgresql+asyncpg", username=role)
        response = await _call(_app(url.render_as_string(hide_password=False)), "/value/x")
    finally:
        await admin.execute(f"DROP ROLE {role}")
        await admin.close()

    assert response.status_code == 503, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["type"] == type_uri("database-unavailable")
    assert response.headers["retry-after"] == "1"


async def test_a_nul_character_is_refused_as_invalid_value(pg_server_url: str) -> None:
    url = make_url(pg_server_url).set(drivername="postgresql+asyncpg")

    response = await _call(_app(url.render_as_string(hide_password=False)), "/value/a%00b")

    assert response.status_code == 422, response.text
    assert response.json()["type"] == type_uri("invalid-value")
