"""Tenant isolation, twice: Postgres row-level security, and an ORM guard as the second line.

RLS: every tenant table has `tenant_id`, RLS enabled *and forced*, and a policy comparing it with
the transaction-local setting `app.tenant_id` (set by `set_tenant`). With no tenant set the
setting is empty, the comparison is NULL, and the query sees no rows: it fails closed.
https://www.postgresql.org/docs/15/ddl-rowsecurity.html

ORM guard: SQLAlchemy's "global criteria" recipe (`do_orm_execute` + `with_loader_criteria`)
adds the tenant filter to every ORM statement on a `TenantScoped` entity, and refuses to run one
when no tenant is set, unless the statement opts out with `execution_options(all_tenants=True)`.
"""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column, with_loader_criteria

TENANT_KEY = "tenant_id"
SETTING = "app.tenant_id"


class TenantScoped:
    """Mixin for rows owned by one tenant."""

    tenant_id: Mapped[uuid.UUID] = mapped_column(index=True)


class TenantNotSet(RuntimeError):
    """An ORM statement on tenant rows ran with no tenant in the session."""


class TenantConnection(asyncpg.Connection):  # type: ignore[misc]
    """An asyncpg connection that can carry the tenant setting on its transaction's `BEGIN`:
    one round trip to the server instead of two for every scoped transaction."""

    _tenant_on_begin: uuid.UUID | None = None

    async def execute(self, query: str, *args: Any, timeout: float | None = None) -> str:
        tenant = self._tenant_on_begin
        if tenant is not None and not args and query.startswith("BEGIN"):
            self._tenant_on_begin = None
            # A UUID's text has nothing to quote; the simple protocol runs both statements, and
            # the transaction BEGIN opened goes on after them (the setting is local to it).
            query = f"{query}; SELECT set_config('{SETTING}', '{tenant}', true)"
        result: str = await super().execute(query, *args, timeout=timeout)
        return result


async def set_tenant(session: AsyncSession, tenant_id: uuid.UUID) -> None:
    """Scope the session's current transaction to `tenant_id` (RLS and ORM guard).

    Before the transaction's first statement (as `Database.transaction` calls it) the setting
    rides on its `BEGIN`; later, it is a statement of its own."""
    session.info[TENANT_KEY] = tenant_id
    tenant_id = uuid.UUID(str(tenant_id))  # a real UUID, whatever the caller passed
    adapted = (await (await session.connection()).get_raw_connection()).dbapi_connection
    driver = getattr(adapted, "driver_connection", None)
    if isinstance(driver, TenantConnection) and getattr(adapted, "_transaction", 0) is None:
        driver._tenant_on_begin = tenant_id  # cleared at the pool's every checkout
        return
    await session.execute(
        text("SELECT set_config(:name, :value, true)"),
        {"name": SETTING, "value": str(tenant_id)},
    )


def current_tenant(session: Session | AsyncSession) -> uuid.UUID | None:
    value = session.info.get(TENANT_KEY)
    return value if isinstance(value, uuid.UUID) else None


def _touches_tenant_rows(state: ORMExecuteState) -> bool:
    return any(issubclass(m.class_, TenantScoped) for m in state.all_mappers)


def _guard(state: ORMExecuteState) -> None:
    if not (state.is_select or state.is_update or state.is_delete):
        return
    if state.execution_options.get("all_tenants", False) or not _touches_tenant_rows(state):
        return
    tenant = current_tenant(state.session)
    if tenant is None:
        raise TenantNotSet("ORM statement on tenant rows with no tenant set")
    state.statement = state.statement.options(
        with_loader_criteria(
            TenantScoped,
            lambda cls: cls.tenant_id == tenant,
            include_aliases=True,
        )
    )


def _stamp_new_rows(session: Session, _flush_context: Any, _instances: Any) -> None:
    tenant = current_tenant(session)
    for obj in session.new:
        if not isinstance(obj, TenantScoped):
            continue
        if obj.tenant_id is None:
            if tenant is None:
                raise TenantNotSet(f"new {type(obj).__name__} with no tenant set")
            obj.tenant_id = tenant


def install_guard() -> None:
    """Register the ORM guard on every Session (idempotent; AsyncSession proxies Session)."""
    if not event.contains(Session, "do_orm_execute", _guard):
        event.listen(Session, "do_orm_execute", _guard)
        event.listen(Session, "before_flush", _stamp_new_rows)


def rls_statements(table: str, *, jobs_role: str | None = None) -> list[str]:
    """DDL that puts `table` under tenant row-level security; used by migrations.

    With `jobs_role`, that role (the service's background jobs, never its API) also gets a
    policy to read and write every tenant's rows: a dispatcher claims due work across tenants,
    then handles each item in a transaction scoped to its tenant.
    """
    predicate = f"tenant_id = NULLIF(current_setting('{SETTING}', true), '')::uuid"
    statements = [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY tenant_isolation ON {table} USING ({predicate}) WITH CHECK ({predicate})",
    ]
    if jobs_role is not None:
        statements.append(
            f'CREATE POLICY cross_tenant_jobs ON {table} TO "{jobs_role}" USING (true)'
            " WITH CHECK (true)"
        )
    return statements
