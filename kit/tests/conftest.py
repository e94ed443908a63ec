"""A tiny tenant schema of its own, so kit is tested without any service."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest
from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from kit import migrations
from kit.db import Base as ModelBase
from kit.db import Database, UUIDPrimaryKey, service_metadata
from kit.events.outbox import SOURCE_KEY
from kit.settings import MachiSettings
from kit.tenancy import TenantScoped, rls_statements

SERVICE = "kittest"


class KitBase(ModelBase):
    __abstract__ = True
    metadata = service_metadata()


class Note(UUIDPrimaryKey, TenantScoped, KitBase):
    __tablename__ = "notes"
    body: Mapped[str] = mapped_column(Text)


class Effect(UUIDPrimaryKey, TenantScoped, KitBase):
    """One row per handled event: the observable 'effect' of a consumer."""

    __tablename__ = "effects"
    event_id: Mapped[uuid.UUID]
    note_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("notes.id"), nullable=True)


SCHEMA = [
    "CREATE TABLE notes (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, body text NOT NULL)",
    "CREATE TABLE effects (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, event_id uuid NOT NULL,"
    " note_id uuid REFERENCES notes(id))",
    *rls_statements("notes", jobs_role="kittest_jobs"),
    *rls_statements("effects", jobs_role="kittest_jobs"),
    """CREATE TABLE outbox (id uuid PRIMARY KEY, event_type text NOT NULL, tenant_id uuid NOT NULL,
        envelope jsonb NOT NULL, occurred_at timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(), attempts integer NOT NULL DEFAULT 0,
        last_error text, published_at timestamptz)""",
    """CREATE TABLE inbox (consumer text, event_id uuid, processed_at timestamptz NOT NULL
        DEFAULT now(), PRIMARY KEY (consumer, event_id))""",
    """CREATE TABLE idempotency_keys (scope text, key text, fingerprint text NOT NULL,
        status integer, headers jsonb, body bytea, created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key))""",
    "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)",
]


@pytest.fixture(scope="session")
async def kit_db(machi_settings: MachiSettings) -> AsyncIterator[Database]:
    """The kit test database, connected as its app role (subject to RLS)."""
    await migrations.drop(machi_settings, SERVICE)
    await migrations.provision(machi_settings, SERVICE)
    owner = await asyncpg.connect(migrations.asyncpg_dsn(machi_settings.owner_url(SERVICE)))
    try:
        for statement in SCHEMA:
            await owner.execute(statement)
    finally:
        await owner.close()
    await migrations.grant_app_role(machi_settings, SERVICE)
    db = Database(machi_settings.app_url(SERVICE), pool_size=5)
    db.sessionmaker.configure(info={SOURCE_KEY: SERVICE})
    yield db
    await db.dispose()
    await migrations.drop(machi_settings, SERVICE)


@pytest.fixture
async def owner(machi_settings: MachiSettings) -> AsyncIterator[asyncpg.Connection]:
    """A superuser connection to the kit test database, which sees every row."""
    conn = await asyncpg.connect(migrations.asyncpg_dsn(machi_settings.owner_url(SERVICE)))
    try:
        yield conn
    finally:
        await conn.close()
