"""`machi outbox status` against a migrated service database."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import asyncpg

from kit.migrations import asyncpg_dsn
from kit.settings import MachiSettings
from kit.testing.plugin import migrate

from .helpers import cli_env, machi


async def test_status_counts_pending_failing_and_recently_sent_rows(
    ops_settings: MachiSettings, ops_migrated: set[str]
) -> None:
    await migrate(ops_settings, ops_migrated, "catalog")
    conn = await asyncpg.connect(asyncpg_dsn(ops_settings.owner_url("catalog")))
    now = datetime.now(UTC)
    rows = [  # (occurred_at, attempts, published_at)
        (now - timedelta(minutes=90), 3, None),  # pending for 1h30, failing
        (now - timedelta(minutes=1), 0, None),  # pending
        (now - timedelta(minutes=10), 0, now - timedelta(minutes=9)),  # sent recently
        (now - timedelta(hours=5), 0, now - timedelta(hours=5)),  # sent long ago
    ]
    try:
        await conn.execute("DELETE FROM outbox")
        for occurred_at, attempts, published_at in rows:
            await conn.execute(
                "INSERT INTO outbox (id, event_type, tenant_id, envelope, occurred_at, attempts,"
                " published_at) VALUES ($1, 'catalog.product.published.v1', $2, '{}', $3, $4, $5)",
                uuid.uuid4(),
                uuid.uuid4(),
                occurred_at,
                attempts,
                published_at,
            )
        result = await machi(["outbox", "status"], cli_env(ops_settings))
    finally:
        await conn.execute("DELETE FROM outbox")
        await conn.close()
    assert result.exit_code == 0, result.output
    cells = {
        line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
        for line in result.output.splitlines()
        if line.startswith("│")
    }
    pending, oldest, failing, sent = cells["catalog"]
    assert (pending, failing, sent) == ("2", "1", "1")
    assert oldest.startswith("1h30m")
