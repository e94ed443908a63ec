import asyncio
import uuid

import asyncpg
import pytest
import sqlalchemy.exc
from sqlalchemy import select, text

from kit.db import Database
from kit.tenancy import TenantNotSet, set_tenant

from .conftest import Note


async def add_note(db: Database, tenant: uuid.UUID, body: str) -> uuid.UUID:
    async with db.transaction(tenant) as session:
        note = Note(body=body)
        session.add(note)
    return note.id


async def test_app_role_with_no_tenant_set_sees_no_rows(kit_db: Database) -> None:
    await add_note(kit_db, uuid.uuid4(), "a")
    async with kit_db.transaction() as session:
        count = (await session.execute(text("SELECT count(*) FROM notes"))).scalar_one()
    assert count == 0


async def test_tenant_sees_only_its_own_rows(kit_db: Database) -> None:
    tenant_a, tenant_b = uuid.uuid4(), uuid.uuid4()
    await add_note(kit_db, tenant_a, "mine")
    await add_note(kit_db, tenant_b, "theirs")
    async with kit_db.transaction(tenant_a) as session:
        rows = (await session.execute(text("SELECT body, tenant_id FROM notes"))).all()
    assert [(r.body, r.tenant_id) for r in rows] == [("mine", tenant_a)]


async def test_writing_a_row_for_another_tenant_is_refused(kit_db: Database) -> None:
    tenant_a, tenant_b = uuid.uuid4(), uuid.uuid4()
    with pytest.raises(sqlalchemy.exc.DBAPIError, match="row-level security"):
        async with kit_db.transaction(tenant_a) as session:
            session.add(Note(body="sneaky", tenant_id=tenant_b))


async def test_tenant_setting_does_not_leak_to_the_next_transaction(kit_db: Database) -> None:
    tenant = uuid.uuid4()
    await add_note(kit_db, tenant, "x")
    async with kit_db.transaction(tenant) as session:
        assert (await session.execute(text("SELECT count(*) FROM notes"))).scalar_one() == 1
    # Same pool, likely the same connection: the setting was transaction-local.
    async with kit_db.transaction() as session:
        assert (await session.execute(text("SELECT count(*) FROM notes"))).scalar_one() == 0


async def test_a_tenant_set_but_never_used_does_not_reach_the_next_transaction(
    kit_db: Database,
) -> None:
    """The setting rides on the transaction's BEGIN; a transaction that never ran a statement
    leaves nothing behind on its pooled connection."""
    tenant = uuid.uuid4()
    await add_note(kit_db, tenant, "x")
    for _ in range(6):  # more than the pool's connections: each one has been handed back
        async with kit_db.transaction(tenant):
            pass
    for _ in range(6):
        async with kit_db.transaction() as session:
            setting = (
                await session.execute(text("SELECT current_setting('app.tenant_id', true)"))
            ).scalar_one()
            count = (await session.execute(text("SELECT count(*) FROM notes"))).scalar_one()
            assert (setting or "", count) == ("", 0)


async def test_a_tenant_set_after_the_first_statement_still_scopes_the_transaction(
    kit_db: Database,
) -> None:
    tenant = uuid.uuid4()
    await add_note(kit_db, tenant, "late")
    async with kit_db.transaction() as session:
        assert (await session.execute(text("SELECT count(*) FROM notes"))).scalar_one() == 0
        await set_tenant(session, tenant)
        rows = (await session.execute(text("SELECT body FROM notes"))).scalars().all()
    assert rows == ["late"]


async def test_a_connection_the_server_closed_is_replaced_at_checkout(
    kit_db: Database, owner: asyncpg.Connection
) -> None:
    """A restarted or terminated backend costs no request an error: the pool notices the closed
    socket when the connection is taken and opens another."""
    tenant = uuid.uuid4()
    await add_note(kit_db, tenant, "kept")
    async with kit_db.transaction(tenant) as session:
        pid = (await session.execute(text("SELECT pg_backend_pid()"))).scalar_one()
    assert await owner.fetchval("SELECT pg_terminate_backend($1)", pid)
    await asyncio.sleep(0.2)  # the server closes the socket; the event loop reads its end
    for _ in range(6):
        async with kit_db.transaction(tenant) as session:
            assert (await session.execute(text("SELECT body FROM notes"))).scalars().all() == [
                "kept"
            ]


async def test_orm_query_on_tenant_rows_without_tenant_raises(kit_db: Database) -> None:
    with pytest.raises(TenantNotSet):
        async with kit_db.transaction() as session:
            await session.execute(select(Note))


async def test_orm_guard_filters_even_where_rls_does_not_apply(
    kit_db: Database, machi_settings: object
) -> None:
    from kit.settings import MachiSettings

    assert isinstance(machi_settings, MachiSettings)
    tenant_a, tenant_b = uuid.uuid4(), uuid.uuid4()
    await add_note(kit_db, tenant_a, "a")
    await add_note(kit_db, tenant_b, "b")
    # The owner is a superuser, which bypasses RLS; the ORM guard is the only filter left.
    superuser = Database(machi_settings.owner_url("kittest"), pool_size=1)
    try:
        async with superuser.transaction(tenant_a) as session:
            notes = (await session.execute(select(Note))).scalars().all()
        assert {n.tenant_id for n in notes} == {tenant_a}
    finally:
        await superuser.dispose()


async def test_app_role_owns_nothing_and_cannot_bypass_rls(
    owner: asyncpg.Connection,
) -> None:
    role = await owner.fetchrow(
        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'kittest_app'"
    )
    assert role is not None
    assert (role["rolsuper"], role["rolbypassrls"]) == (False, False)
    owners = await owner.fetch(
        "SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public'"
    )
    assert owners
    assert all(r["tableowner"] != "kittest_app" for r in owners)
    forced = await owner.fetch(
        "SELECT relname FROM pg_class WHERE relname IN ('notes', 'effects')"
        " AND relrowsecurity AND relforcerowsecurity"
    )
    assert {r["relname"] for r in forced} == {"notes", "effects"}


async def test_jobs_role_claims_across_tenants_and_the_app_role_cannot(
    kit_db: Database, machi_settings: object
) -> None:
    from kit.settings import MachiSettings

    assert isinstance(machi_settings, MachiSettings)
    tenant_a, tenant_b = uuid.uuid4(), uuid.uuid4()
    await add_note(kit_db, tenant_a, "due a")
    await add_note(kit_db, tenant_b, "due b")
    jobs = Database(machi_settings.jobs_url("kittest"), pool_size=1)
    try:
        async with jobs.transaction() as session:
            found = await session.execute(
                select(Note.tenant_id)
                .execution_options(all_tenants=True)
                .where(Note.tenant_id.in_([tenant_a, tenant_b]))
            )
            assert set(found.scalars().all()) == {tenant_a, tenant_b}
    finally:
        await jobs.dispose()
    async with kit_db.transaction() as session:
        raw = await session.execute(text("SELECT count(*) FROM notes"))
        assert raw.scalar_one() == 0
