import uuid

import asyncpg
import pytest
import sqlalchemy.exc
from sqlalchemy import select, text

from kit.db import Database
from kit.tenancy import TenantNotSet

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
