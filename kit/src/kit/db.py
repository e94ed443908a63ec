"""Database mechanics: model base, engine, and the one way to open a unit of work.

Only boundaries commit (the request's session dependency, the consumer wrapper, the job runner):
`Database.transaction` commits when its block ends without an exception and rolls back otherwise.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, MetaData, event, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import URL
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kit import tenancy

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base for every service's models; one metadata per service via subclassing."""

    __abstract__ = True
    type_annotation_map = {datetime: DateTime(timezone=True), dict[str, Any]: JSONB}


def service_metadata() -> MetaData:
    """A service's own MetaData, with the naming convention. Use it in the service's base:

    class Base(kit.db.Base):
        __abstract__ = True
        metadata = service_metadata()
    """
    return MetaData(naming_convention=NAMING_CONVENTION)


class UUIDPrimaryKey:
    """Random UUID primary key: unguessable, mergeable across tenants and services."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())


def _drop_closed(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """A pooled connection the server closed (restart, idle timeout, terminated backend) is
    thrown away at checkout and another one taken. asyncpg notices the closed socket as the
    event loop reads it, so this costs no round trip, where `pool_pre_ping` cost three (BEGIN,
    an empty query, ROLLBACK) on every checkout. A tenant the last user set and never began
    (`tenancy.set_tenant`) is forgotten here too."""
    driver = dbapi_connection.driver_connection
    if driver.is_closed():
        raise DisconnectionError("the database closed this connection")
    if isinstance(driver, tenancy.TenantConnection):
        driver._tenant_on_begin = None  # a tenant set by the last user and never begun is gone


class Database:
    """An engine and its session factory for one service, connected as its app role."""

    def __init__(self, url: URL | str, *, pool_size: int = 10, echo: bool = False) -> None:
        tenancy.install_guard()
        self.engine: AsyncEngine = create_async_engine(
            url,
            pool_size=pool_size,
            max_overflow=pool_size,
            echo=echo,
            connect_args={"connection_class": tenancy.TenantConnection},
        )
        event.listen(self.engine.sync_engine, "checkout", _drop_closed)
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False)

    @asynccontextmanager
    async def transaction(self, tenant_id: uuid.UUID | None = None) -> AsyncIterator[AsyncSession]:
        """Open a session in one transaction scoped to `tenant_id`; commit on success."""
        async with self.sessionmaker() as session, session.begin():
            if tenant_id is not None:
                await tenancy.set_tenant(session, tenant_id)
            yield session

    async def ping(self) -> None:
        """Raise if the database cannot answer a trivial query."""
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()
