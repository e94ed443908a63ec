"""Dirty-hour marks: a write marks its hour without waiting for anyone, and a mark made while
the rollup job claims the hour is kept for its next run (issue 15: under `make load` each order
had waited on the hour's mark, 18 ms on average in Postgres)."""

import asyncio
import uuid

import asyncpg
from fastapi import FastAPI

from kit.migrations import asyncpg_dsn
from kit.runtime import ServiceRuntime
from kit.settings import MachiSettings

from .helpers import roll_up
from .test_conversions import Client, clicked, post_shopify, shopify_order


async def orders_rolled_up(owner: asyncpg.Connection, tenant: uuid.UUID) -> int:
    total = await owner.fetchval(
        "SELECT sum(orders) FROM rollups WHERE tenant_id = $1 AND grain = 'hour' AND dim = 'total'",
        tenant,
    )
    return int(total or 0)


async def test_an_order_recorded_while_the_job_claims_its_hour_waits_not_and_is_rolled_up_next(
    as_user: Client,
    app: FastAPI,
    owner: asyncpg.Connection,
    runtime: ServiceRuntime,
    machi_settings: MachiSettings,
) -> None:
    tenant = uuid.uuid4()
    _, click_id = await clicked(as_user, app, tenant)
    first = await post_shopify(as_user, tenant, shopify_order(click_id, order_id=1))
    assert first.json() == {"result": "recorded"}
    job = await asyncpg.connect(asyncpg_dsn(machi_settings.owner_url("analytics")))
    try:
        # The job's claim, held open as while it recomputes: the hour's mark deleted, uncommitted.
        claiming = job.transaction()
        await claiming.start()
        claimed = await job.fetch(
            "DELETE FROM rollup_dirty WHERE tenant_id = $1 RETURNING hour", tenant
        )
        assert claimed  # the click's mark and the first order's

        # With one mark per hour this insert waited for the claim's end (here: forever).
        second = await asyncio.wait_for(
            post_shopify(as_user, tenant, shopify_order(click_id, order_id=2)), timeout=30
        )

        assert second.json() == {"result": "recorded"}
        await claiming.commit()
    finally:
        await job.close()
    marks = await owner.fetchval("SELECT count(*) FROM rollup_dirty WHERE tenant_id = $1", tenant)
    assert marks == 1  # the second order's, made after the claim's snapshot: kept

    await roll_up(runtime)

    assert await orders_rolled_up(owner, tenant) == 2
    assert (
        await owner.fetchval("SELECT count(*) FROM rollup_dirty WHERE tenant_id = $1", tenant) == 0
    )


async def test_an_hour_marked_by_several_writes_is_rolled_up_whole_and_its_marks_cleared(
    as_user: Client, app: FastAPI, owner: asyncpg.Connection, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    _, click_id = await clicked(as_user, app, tenant)
    marks = "SELECT count(*) FROM rollup_dirty WHERE tenant_id = $1"
    before = await owner.fetchval(marks, tenant)  # the click's
    for order_id in (1, 2, 3):
        recorded = await post_shopify(as_user, tenant, shopify_order(click_id, order_id=order_id))
        assert recorded.json() == {"result": "recorded"}
    assert await owner.fetchval(marks, tenant) == before + 3  # one each, none waited

    await roll_up(runtime)

    assert await orders_rolled_up(owner, tenant) == 3
    assert await owner.fetchval(marks, tenant) == 0
