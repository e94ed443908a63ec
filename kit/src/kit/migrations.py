"""Provisioning and Alembic migrations, run as the database owner.

`provision` makes the service's database and its `<service>_app` and `<service>_jobs` login
roles (no superuser, no BYPASSRLS, own nothing); `upgrade` runs the service's Alembic scripts to
head and then grants those roles what they need on every table, so row-level security applies.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import asyncpg
from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, pool
from sqlalchemy.engine import URL, Connection
from sqlalchemy.ext.asyncio import async_engine_from_config

from kit.events.tables import inbox, outbox
from kit.settings import MachiSettings, app_role, jobs_role

log = logging.getLogger(__name__)


def asyncpg_dsn(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


async def provision(settings: MachiSettings, service: str) -> None:
    """Create the service's database and app role if missing (idempotent)."""
    owner = settings.owner_url(service)
    database = owner.database or ""
    role = app_role(service)
    conn = await asyncpg.connect(asyncpg_dsn(owner.set(database="postgres")))
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", database):
            await conn.execute(f"CREATE DATABASE {_quote(database)}")
        for role in (app_role(service), jobs_role(service)):
            await _ensure_login_role(conn, role, settings.db_app_password.get_secret_value())
    finally:
        await conn.close()


async def _ensure_login_role(conn: asyncpg.Connection, role: str, password: str) -> None:
    exists = await conn.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", role)
    verb = "ALTER" if exists else "CREATE"
    quoted_password = password.replace("'", "''")
    try:
        await conn.execute(
            f"{verb} ROLE {_quote(role)} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB "
            f"NOCREATEROLE PASSWORD '{quoted_password}'"
        )
    except asyncpg.InsufficientPrivilegeError:
        # Production: ops made the role (deploy/postgres/roles.sql); an owner may not alter it.
        if not exists:
            raise
        log.info("role %s exists and is managed outside Machi", role)


async def grant_app_role(settings: MachiSettings, service: str) -> None:
    """Let the app and jobs roles read and write every table (RLS still filters them), but not
    migrate."""
    owner = settings.owner_url(service)
    conn = await asyncpg.connect(asyncpg_dsn(owner))
    try:
        for name in (app_role(service), jobs_role(service)):
            role = _quote(name)
            await conn.execute(
                f"""
                GRANT CONNECT ON DATABASE {_quote(owner.database or "")} TO {role};
                GRANT USAGE ON SCHEMA public TO {role};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
                REVOKE ALL ON TABLE alembic_version FROM {role};
                """
            )
    finally:
        await conn.close()


def alembic_config(settings: MachiSettings, service: str) -> Config:
    config = Config()
    config.set_main_option("script_location", f"{service}:migrations")
    url = settings.owner_url(service).render_as_string(hide_password=False)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


async def upgrade(settings: MachiSettings, service: str, revision: str = "head") -> None:
    """Provision, migrate to `revision`, grant. Safe to run on every start."""
    await provision(settings, service)
    config = alembic_config(settings, service)
    # Alembic's env.py runs its own event loop, so it gets a thread of its own.
    await asyncio.to_thread(command.upgrade, config, revision)
    await grant_app_role(settings, service)


async def drop(settings: MachiSettings, service: str) -> None:
    """Drop the service's database (tests)."""
    owner = settings.owner_url(service)
    conn = await asyncpg.connect(asyncpg_dsn(owner.set(database="postgres")))
    try:
        await conn.execute(f"DROP DATABASE IF EXISTS {_quote(owner.database or '')} WITH (FORCE)")
    finally:
        await conn.close()


def run_env(target_metadata: MetaData) -> None:
    """Body of every service's `migrations/env.py` (online, async)."""
    config = context.config

    def do_run(connection: Connection) -> None:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()

    async def run_async() -> None:
        section: dict[str, Any] = config.get_section(config.config_ini_section, {})
        engine = async_engine_from_config(section, prefix="sqlalchemy.", poolclass=pool.NullPool)
        async with engine.connect() as connection:
            await connection.run_sync(do_run)
        await engine.dispose()

    asyncio.run(run_async())


def create_event_tables(bind: Connection) -> None:
    """Create the outbox and inbox tables (called from each service's first migration)."""
    outbox.create(bind)
    inbox.create(bind)
