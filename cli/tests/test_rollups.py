"""`machi rollups rebuild` brings corrupted rollups back to what the raw events say."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from kit.migrations import asyncpg_dsn
from kit.settings import MachiSettings
from kit.testing.plugin import migrate

from .helpers import cli_env, machi

HOUR = datetime(2026, 3, 2, 9, tzinfo=UTC)
RAW_CLICKS = {HOUR: 3, HOUR + timedelta(hours=2): 2}  # non-bot clicks per hour


@pytest.fixture
async def owner(
    ops_settings: MachiSettings, ops_migrated: set[str]
) -> AsyncIterator[asyncpg.Connection]:
    await migrate(ops_settings, ops_migrated, "analytics")
    conn = await asyncpg.connect(asyncpg_dsn(ops_settings.owner_url("analytics")))
    try:
        yield conn
    finally:
        await conn.close()


async def seed(owner: asyncpg.Connection, tenant: uuid.UUID) -> uuid.UUID:
    """Raw clicks (plus one bot click) and one order line of 1,200 on one product."""
    link, product = uuid.uuid4(), uuid.uuid4()
    for hour, n in RAW_CLICKS.items():
        for i in range(n + (1 if hour == HOUR else 0)):
            await owner.execute(
                "INSERT INTO clicks (tenant_id, click_id, occurred_at, link_id, code, product_id,"
                " visitor_hash, is_bot) VALUES ($1, $2, $3, $4, 'c', $5, $6, $7)",
                tenant,
                uuid.uuid4().hex,
                hour + timedelta(minutes=i),
                link,
                product,
                f"v{i}",
                i == n,
            )
    order = uuid.uuid4()
    await owner.execute(
        "INSERT INTO conversions (id, tenant_id, store, order_id, occurred_at, currency, amount,"
        " status, method, link_id) VALUES ($1, $2, 'shopify', 'o-1', $3, 'JPY', 1200,"
        " 'recorded', 'click_id', $4)",
        order,
        tenant,
        HOUR + timedelta(minutes=30),
        link,
    )
    await owner.execute(
        "INSERT INTO conversion_lines (id, tenant_id, conversion_id, product_id, quantity,"
        " amount, refunded) VALUES ($1, $2, $3, $4, 1, 1200, 0)",
        uuid.uuid4(),
        tenant,
        order,
        product,
    )
    return product


async def totals(
    owner: asyncpg.Connection, tenant: uuid.UUID, grain: str
) -> dict[datetime, tuple[int, int, int]]:
    rows = await owner.fetch(
        "SELECT bucket, clicks, bot_clicks, revenue FROM rollups"
        " WHERE tenant_id = $1 AND grain = $2 AND dim = 'total' ORDER BY bucket",
        tenant,
        grain,
    )
    return {r["bucket"]: (r["clicks"], r["bot_clicks"], r["revenue"]) for r in rows}


async def test_rebuild_restores_rollups_equal_to_the_raw_events(
    owner: asyncpg.Connection, ops_settings: MachiSettings
) -> None:
    tenant = uuid.uuid4()
    await seed(owner, tenant)
    env = cli_env(ops_settings)
    first = await machi(["rollups", "rebuild", "--tenant", str(tenant)], env)
    assert first.exit_code == 0, first.output
    expected_hours = {
        HOUR: (3, 1, 1200),
        HOUR + timedelta(hours=2): (2, 0, 0),
    }
    assert await totals(owner, tenant, "hour") == expected_hours
    assert await totals(owner, tenant, "day") == {HOUR.replace(hour=0): (5, 1, 1200)}

    # Corruption: a wrong counter, a lost bucket, a bucket with no events behind it.
    await owner.execute(
        "UPDATE rollups SET clicks = 999 WHERE tenant_id = $1 AND bucket = $2", tenant, HOUR
    )
    await owner.execute(
        "DELETE FROM rollups WHERE tenant_id = $1 AND bucket = $2",
        tenant,
        HOUR + timedelta(hours=2),
    )
    await owner.execute(
        "INSERT INTO rollups (tenant_id, grain, bucket, dim, key, clicks, bot_clicks, visitors,"
        " orders, revenue) VALUES ($1, 'hour', $2, 'total', '', 7, 0, 0, 0, 0)",
        tenant,
        HOUR + timedelta(hours=1),
    )
    rebuilt = await machi(
        [
            "rollups",
            "rebuild",
            "--tenant",
            str(tenant),
            "--since",
            "2026-03-02T00:00:00",
            "--until",
            "2026-03-03T00:00:00",
        ],
        env,
    )
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "rebuilt 24 hour(s)" in rebuilt.output
    assert await totals(owner, tenant, "hour") == expected_hours
    assert await totals(owner, tenant, "day") == {HOUR.replace(hour=0): (5, 1, 1200)}


async def test_rebuild_leaves_hours_outside_the_range_alone(
    owner: asyncpg.Connection, ops_settings: MachiSettings
) -> None:
    tenant = uuid.uuid4()
    await seed(owner, tenant)
    env = cli_env(ops_settings)
    assert (await machi(["rollups", "rebuild", "--tenant", str(tenant)], env)).exit_code == 0
    await owner.execute(
        "UPDATE rollups SET clicks = 999 WHERE tenant_id = $1 AND grain = 'hour'", tenant
    )
    result = await machi(
        [
            "rollups",
            "rebuild",
            "--tenant",
            str(tenant),
            "--since",
            "2026-03-02T11:00:00",
            "--until",
            "2026-03-02T12:00:00",
        ],
        env,
    )
    assert result.exit_code == 0, result.output
    hours = await totals(owner, tenant, "hour")
    assert hours[HOUR][0] == 999
    assert hours[HOUR + timedelta(hours=2)][0] == 2
