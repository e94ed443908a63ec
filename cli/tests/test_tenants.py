"""`machi tenants export`: one tenant's rows from every database into one NDJSON file."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import asyncpg

from kit.migrations import asyncpg_dsn
from kit.settings import MachiSettings
from kit.testing.plugin import migrate

from .helpers import cli_env, machi


async def add_town(settings: MachiSettings, tenant: uuid.UUID) -> None:
    """A tenant in the gateway, a producer and a storefront with credentials in the catalog."""
    gateway = await asyncpg.connect(asyncpg_dsn(settings.owner_url("gateway")))
    try:
        await gateway.execute(
            "INSERT INTO tenants (id, slug, name, timezone, plan) VALUES"
            " ($1, $2, '{\"ja\": \"武雄市\"}', 'Asia/Tokyo', 'town')",
            tenant,
            f"town-{tenant.hex[:8]}",
        )
    finally:
        await gateway.close()
    catalog = await asyncpg.connect(asyncpg_dsn(settings.owner_url("catalog")))
    try:
        await catalog.execute(
            "INSERT INTO producers (id, tenant_id, kind, name, story) VALUES"
            " ($1, $2, 'farm', '{\"ja\": \"山田農園\"}', '{}')",
            uuid.uuid4(),
            tenant,
        )
        await catalog.execute(
            "INSERT INTO storefronts (id, tenant_id, kind, name, currency, credentials) VALUES"
            " ($1, $2, 'shopify', 'Takeo store', 'JPY', 'sealed-token-bytes')",
            uuid.uuid4(),
            tenant,
        )
    finally:
        await catalog.close()


async def test_export_writes_every_database_of_one_tenant_without_secrets(
    ops_settings: MachiSettings, ops_migrated: set[str], tmp_path: Path
) -> None:
    for service in ("gateway", "catalog", "publisher", "analytics"):
        await migrate(ops_settings, ops_migrated, service)
    town, other = uuid.uuid4(), uuid.uuid4()
    await add_town(ops_settings, town)
    await add_town(ops_settings, other)
    out = tmp_path / "town.ndjson"
    result = await machi(["tenants", "export", str(town), "--out", str(out)], cli_env(ops_settings))
    assert result.exit_code == 0, result.output
    text = out.read_text()
    lines = [json.loads(line) for line in text.splitlines()]
    assert lines[0]["export"]["tenant_id"] == str(town)
    assert lines[-1]["end"]["rows"]["catalog"] == 2
    rows = [(line["service"], line["table"]) for line in lines[1:-1]]
    assert ("gateway", "tenants") in rows
    assert ("catalog", "producers") in rows
    assert ("catalog", "storefronts") in rows
    assert str(other) not in text
    assert "credentials" not in text
    assert "sealed-token" not in text


async def test_export_of_an_unknown_tenant_writes_nothing(
    ops_settings: MachiSettings, ops_migrated: set[str], tmp_path: Path
) -> None:
    for service in ("gateway", "catalog", "publisher", "analytics"):
        await migrate(ops_settings, ops_migrated, service)
    out = tmp_path / "none.ndjson"
    result = await machi(
        ["tenants", "export", str(uuid.uuid4()), "--out", str(out)], cli_env(ops_settings)
    )
    assert result.exit_code != 0
    assert not out.exists()
