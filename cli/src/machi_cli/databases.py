"""Connections the ops commands open to each service database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from kit.db import Database
from kit.migrations import asyncpg_dsn
from kit.settings import MachiSettings


async def exists(settings: MachiSettings, service: str) -> bool:
    """Whether the service's database has been created (`machi migrate`)."""
    owner = settings.owner_url(service)
    conn = await asyncpg.connect(asyncpg_dsn(owner.set(database="postgres")))
    try:
        found = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", owner.database)
        return bool(found)
    finally:
        await conn.close()


@asynccontextmanager
async def owner_connection(settings: MachiSettings, service: str) -> AsyncIterator[AsyncConnection]:
    """A connection as the database owner (tables outside row-level security: outbox, inbox)."""
    engine = create_async_engine(settings.owner_url(service), pool_size=1)
    try:
        async with engine.connect() as conn:
            yield conn
    finally:
        await engine.dispose()


@asynccontextmanager
async def jobs_database(settings: MachiSettings, service: str) -> AsyncIterator[Database]:
    """The database as `<service>_jobs`, which row-level security lets work across tenants."""
    db = Database(settings.jobs_url(service), pool_size=2)
    try:
        yield db
    finally:
        await db.dispose()
