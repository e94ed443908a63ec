"""A database made by the first released schema, with data, migrates to head intact.

For each service: a fresh database at the 0.1.0 revision (`releases.py`), representative rows in
plain SQL (`seeds.py`), then `alembic upgrade head` as `machi migrate` runs it. Every row keeps
every column value it had (columns a migration drops or rewrites on purpose are listed in
`REWRITTEN`), the relations still join, and today's repositories read the rows as the app role.
Migrations added after 0.1.0 are exercised here without any change to this test.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import pytest
from alembic.script import ScriptDirectory

from kit import migrations
from kit.db import Database
from kit.migrations import asyncpg_dsn
from kit.settings import MachiSettings
from kit.tenancy import SETTING

from .releases import FIRST_RELEASE, RELEASES
from .seeds import V010, Ids

pytestmark = pytest.mark.slow
SERVICES = list(RELEASES[FIRST_RELEASE])
# (service, table, column) whose values a later migration changes on purpose; none yet.
REWRITTEN: set[tuple[str, str, str]] = set()


@pytest.fixture
async def upgraded(
    machi_settings: MachiSettings, request: pytest.FixtureRequest
) -> AsyncIterator[tuple[MachiSettings, str, Ids, dict[str, list[dict[str, Any]]]]]:
    """(settings, service, ids, rows before) of a service database seeded at the first release
    and then migrated to head; dropped afterwards."""
    service: str = request.param
    settings = machi_settings.model_copy(
        update={"db_name_prefix": f"{machi_settings.db_name_prefix}up{uuid.uuid4().hex[:6]}_"}
    )
    ids = Ids()
    await migrations.upgrade(settings, service, RELEASES[FIRST_RELEASE][service])
    try:
        async with owner(settings, service, ids) as conn:
            async with conn.transaction():
                for statement in V010[service]:
                    await conn.execute(ids.sql(statement))
            before = await snapshot(conn, ids)
        await migrations.upgrade(settings, service)
        yield settings, service, ids, before
    finally:
        await migrations.drop(settings, service)


@asynccontextmanager
async def owner(settings: MachiSettings, service: str, ids: Ids) -> AsyncIterator[Any]:
    """The service database as its owner, scoped to the seeded tenant as the app scopes it."""
    conn = await asyncpg.connect(asyncpg_dsn(settings.owner_url(service)))
    try:
        await conn.execute(f"SELECT set_config('{SETTING}', '{ids['tenant']}', false)")
        yield conn
    finally:
        await conn.close()


async def snapshot(conn: asyncpg.Connection, ids: Ids) -> dict[str, list[dict[str, Any]]]:
    """Every row of the tenant in every table with a `tenant_id` column (and its `tenants` row),
    as JSON."""
    tables = await conn.fetch(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public'"
        " AND column_name = 'tenant_id' ORDER BY table_name"
    )
    found: dict[str, list[dict[str, Any]]] = {}
    for (table,) in tables:
        rows = await conn.fetch(
            f"SELECT row_to_json(t)::text FROM {table} t WHERE tenant_id = $1 ORDER BY 1",
            ids["tenant"],
        )
        found[table] = [json.loads(r[0]) for r in rows]
    if await conn.fetchval("SELECT to_regclass('public.tenants')"):  # the gateway's directory
        row = await conn.fetchval(
            "SELECT row_to_json(t)::text FROM tenants t WHERE id = $1", ids["tenant"]
        )
        found["tenants"] = [json.loads(row)] if row else []
    return found


async def at_head(settings: MachiSettings, service: str) -> bool:
    script = ScriptDirectory.from_config(migrations.alembic_config(settings, service))
    conn = await asyncpg.connect(asyncpg_dsn(settings.owner_url(service)))
    try:
        current = await conn.fetchval("SELECT version_num FROM alembic_version")
    finally:
        await conn.close()
    return bool(current == script.get_current_head())


@pytest.mark.parametrize("upgraded", SERVICES, indirect=True)
async def test_rows_of_the_first_release_survive_the_upgrade(
    upgraded: tuple[MachiSettings, str, Ids, dict[str, list[dict[str, Any]]]],
) -> None:
    settings, service, ids, before = upgraded
    assert await at_head(settings, service)
    assert sum(len(rows) for rows in before.values()) >= len(V010[service]) - 1
    async with owner(settings, service, ids) as conn:
        after = await snapshot(conn, ids)
    for table, rows in before.items():
        assert len(after.get(table, [])) == len(rows), f"{table}: rows lost or added"
        for old, new in zip(rows, sorted(after[table], key=_old_order(rows)), strict=True):
            kept = {
                k: v for k, v in old.items() if k in new and (service, table, k) not in REWRITTEN
            }
            assert {k: new[k] for k in kept} == kept, f"{table}: values changed"


def _old_order(rows: list[dict[str, Any]]) -> Any:
    """Sort key putting today's rows in the order of the seeded ones (by their first key)."""
    key = next(iter(rows[0])) if rows else "tenant_id"
    order = {json.dumps(r.get(key), sort_keys=True): i for i, r in enumerate(rows)}
    return lambda row: order.get(json.dumps(row.get(key), sort_keys=True), len(order))


@pytest.mark.parametrize("upgraded", ["gateway"], indirect=True)
async def test_gateway_reads_the_released_tenant_user_and_key(
    upgraded: tuple[MachiSettings, str, Ids, dict[str, list[dict[str, Any]]]],
) -> None:
    from gateway.api_keys import repository as api_keys_repo
    from gateway.users import repository as users_repo

    settings, service, ids, _ = upgraded
    db = Database(settings.app_url(service), pool_size=1)
    try:
        async with db.transaction() as session:
            found = await users_repo.get_user_and_tenant(session, ids["user"])
            assert found is not None
            user, tenant, plan = found
            assert tenant is not None
            assert tenant.id == ids["tenant"]
            assert (user.roles, tenant.population, plan and plan.name) == (["admin"], 50000, "town")
            prefix = ids["key"].hex[:8]
            keyed = await api_keys_repo.get_api_key_and_tenant(session, prefix)
            assert keyed is not None
            assert keyed[1].id == ids["tenant"]
    finally:
        await db.dispose()


@pytest.mark.parametrize("upgraded", ["catalog"], indirect=True)
async def test_catalog_reads_the_released_product_with_its_relations(
    upgraded: tuple[MachiSettings, str, Ids, dict[str, list[dict[str, Any]]]],
) -> None:
    from catalog.media import repository as media_repo
    from catalog.places import repository as places_repo
    from catalog.products import repository

    settings, service, ids, _ = upgraded
    db = Database(settings.app_url(service), pool_size=1)
    try:
        async with db.transaction(ids["tenant"]) as session:
            product = await repository.get_product(session, ids["product"])
            assert product is not None
            assert (product.producer_id, product.category_id) == (ids["producer"], ids["category"])
            assert product.name["en"] == "Aged black garlic"
            variants = await repository.variants_of(session, [ids["product"]])
            assert [v.sku for v in variants[ids["product"]]] == ["GARLIC-200"]
            assert await repository.listing_urls_of(session, ids["product"]) == [
                "https://store.example/takeo/garlic200.html"
            ]
            place = await places_repo.get_place(session, ids["place"])
            assert place is not None
            assert list(place.related_product_ids) == [ids["product"]]
            # the media library finds the released photo by its file name, and where it is used
            found, _ = await media_repo.list_media(
                session, cursor=None, limit=10, text="yamada-garlic", updated_since=None
            )
            assert [(m.id, m.alt) for m in found] == [(ids["media"], {})]
            using = await media_repo.products_using(session, ids["media"])
            assert [p.id for p in using] == [ids["product"]]
    finally:
        await db.dispose()


@pytest.mark.parametrize("upgraded", ["publisher"], indirect=True)
async def test_publisher_reads_the_released_post_and_its_delivery(
    upgraded: tuple[MachiSettings, str, Ids, dict[str, list[dict[str, Any]]]],
) -> None:
    from publisher.channels import repository as channels_repo
    from publisher.posts import repository as posts_repo
    from publisher.scheduling import repository as scheduling_repo

    settings, service, ids, _ = upgraded
    db = Database(settings.app_url(service), pool_size=1)
    try:
        async with db.transaction(ids["tenant"]) as session:
            post = await posts_repo.get(session, ids["post"])
            assert post is not None
            assert post.product_id == ids["product"]
            [delivery] = await posts_repo.deliveries_of(session, ids["post"])
            assert (delivery.channel_id, delivery.state) == (ids["channel"], "published")
            [transition], _ = await posts_repo.transitions(
                session, ids["post"], cursor=None, limit=50
            )
            assert transition.to_status == "approved"
            channel = await channels_repo.get(session, ids["channel"])
            assert channel is not None
            assert channel.name == "Fun Buy Takeo"
            [slot] = await scheduling_repo.slots_of(session, ids["channel"])
            assert (slot.weekday, slot.local_time) == (4, "19:00")
    finally:
        await db.dispose()


@pytest.mark.parametrize("upgraded", ["analytics"], indirect=True)
async def test_analytics_reads_the_released_link_click_and_order(
    upgraded: tuple[MachiSettings, str, Ids, dict[str, list[dict[str, Any]]]],
) -> None:
    from sqlalchemy import select

    from analytics.conversions import repository as conversions_repo
    from analytics.links import repository as links_repo
    from analytics.models import Click
    from analytics.tracking import repository as tracking_repo

    settings, service, ids, _ = upgraded
    db = Database(settings.app_url(service), pool_size=1)
    try:
        async with db.transaction(ids["tenant"]) as session:
            link = await links_repo.by_id(session, ids["link"])
            assert link is not None
            assert link.product_id == ids["product"]
            released_click = select(Click).where(Click.click_id == "c" + ids["link"].hex[:20])
            click = (await session.execute(released_click)).scalar_one_or_none()
            assert click is not None
            assert click.link_id == ids["link"]
            order = await conversions_repo.by_order(session, "shopify", "order-1001")
            assert order is not None
            assert order.link_id == ids["link"]
            [line] = await conversions_repo.lines(session, order)
            assert (line.product_id, line.amount) == (ids["product"], 1200)
            settings_row = await tracking_repo.get(session)
            assert settings_row is not None
            assert settings_row.timezone == "Asia/Tokyo"
    finally:
        await db.dispose()
