"""`machi keys rotate`: secrets sealed under key A, keys "B,A", rotate, then B alone opens all."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import Table, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

import analytics.models
import catalog.models
import publisher.models
from kit.secrets import Sealer, sealed_columns
from kit.settings import MachiSettings
from kit.testing.plugin import migrate

from .helpers import cli_env, machi

KEY_A, KEY_B, KEY_C = (Fernet.generate_key().decode() for _ in range(3))
SERVICES = {
    "catalog": catalog.models.Base.metadata,
    "publisher": publisher.models.Base.metadata,
    "analytics": analytics.models.Base.metadata,
}


@pytest.fixture
async def owners(
    ops_settings: MachiSettings, ops_migrated: set[str]
) -> AsyncIterator[dict[str, AsyncEngine]]:
    engines = {}
    for service in SERVICES:
        await migrate(ops_settings, ops_migrated, service)
        engines[service] = create_async_engine(ops_settings.owner_url(service))
    try:
        yield engines
    finally:
        for engine in engines.values():
            await engine.dispose()


def keys_env(settings: MachiSettings, *keys: str) -> dict[str, str]:
    return cli_env(
        settings,
        CATALOG_SECRET_KEYS=",".join(keys),
        ANALYTICS_SECRET_KEYS=",".join(keys),
        PUBLISHER_SECRET_KEYS=",".join(keys),
    )


async def add(engine: AsyncEngine, table: Table, **values: Any) -> None:
    async with engine.begin() as conn:
        await conn.execute(insert(table).values(**values))


async def seal_one_of_each(owners: dict[str, AsyncEngine], key: str) -> uuid.UUID:
    """A storefront, a channel, a connect flow and webhook secrets of a new tenant, under `key`."""
    sealer, tenant = Sealer([key]), uuid.uuid4()
    token = sealer.encrypt(json.dumps({"token": f"secret-{tenant}"}).encode())
    tables = {name: meta.tables for name, meta in SERVICES.items()}
    await add(
        owners["catalog"],
        tables["catalog"]["storefronts"],
        id=uuid.uuid4(),
        tenant_id=tenant,
        kind="shopify",
        name="Takeo store",
        credentials=token,
    )
    await add(
        owners["publisher"],
        tables["publisher"]["channels"],
        id=uuid.uuid4(),
        tenant_id=tenant,
        platform="mastodon",
        name="@takeo",
        owner_kind="town",
        credentials=token,
    )
    await add(
        owners["publisher"],
        tables["publisher"]["oauth_states"],
        id=uuid.uuid4(),
        tenant_id=tenant,
        platform="mastodon",
        state_hash=uuid.uuid4().hex,
        sealed=token,
        created_by="u",
        owner_kind="town",
        approval_policy="editor",
        expires_at=datetime.now(UTC) + timedelta(minutes=10),
    )
    await add(
        owners["analytics"],
        tables["analytics"]["tenant_settings"],
        tenant_id=tenant,
        shopify_secret=token.decode(),
        postback_secret=token.decode(),
    )
    await add(
        owners["publisher"],
        tables["publisher"]["mastodon_apps"],
        instance_url=f"https://{tenant.hex}.social.example",
        client_id="machi",
        client_secret=token,
        redirect_uri="https://machi.example/v1/channels/oauth/mastodon/callback",
    )
    return tenant


async def sealed_values(owners: dict[str, AsyncEngine], tenant: uuid.UUID) -> list[bytes]:
    found = []
    for service, metadata in SERVICES.items():
        async with owners[service].connect() as conn:
            for column in sealed_columns(metadata):
                table = column.table
                mine = (
                    table.c.tenant_id == tenant
                    if "tenant_id" in table.c
                    else table.c.instance_url.contains(tenant.hex)  # mastodon_apps: per instance
                )
                query = select(column).where(mine, column.is_not(None))
                for value in (await conn.execute(query)).scalars():
                    found.append(value.encode() if isinstance(value, str) else value)
    return found


async def test_every_sealed_column_is_registered() -> None:
    names = {
        f"{service}.{c.table.name}.{c.name}"
        for service, metadata in SERVICES.items()
        for c in sealed_columns(metadata)
    }
    assert names >= {
        "catalog.storefronts.credentials",
        "publisher.channels.credentials",
        "publisher.oauth_states.sealed",
        "publisher.mastodon_apps.client_secret",
        "analytics.tenant_settings.shopify_secret",
        "analytics.tenant_settings.woocommerce_secret",
        "analytics.tenant_settings.postback_secret",
    }


async def test_rotation_lets_the_old_key_go(
    owners: dict[str, AsyncEngine], ops_settings: MachiSettings
) -> None:
    tenant = await seal_one_of_each(owners, KEY_A)
    result = await machi(
        ["keys", "rotate", "--batch-size", "2"], keys_env(ops_settings, KEY_B, KEY_A)
    )
    assert result.exit_code == 0, result.output
    values = await sealed_values(owners, tenant)
    assert len(values) == 6
    only_b = Sealer([KEY_B])
    assert {json.loads(only_b.decrypt(v))["token"] for v in values} == {f"secret-{tenant}"}
    assert Sealer([KEY_B]).open(values[1]) == {"token": f"secret-{tenant}"}
    # Nothing is left under A: opening with A alone fails for every value.
    assert all(not _opens(KEY_A, v) for v in values)


async def test_a_secret_no_key_opens_is_reported_and_left_alone(
    owners: dict[str, AsyncEngine], ops_settings: MachiSettings
) -> None:
    lost = await seal_one_of_each(owners, KEY_C)
    before = await sealed_values(owners, lost)
    result = await machi(["keys", "rotate"], keys_env(ops_settings, KEY_B, KEY_A))
    assert result.exit_code == 1
    assert "could not be opened" in result.output
    assert await sealed_values(owners, lost) == before
    async with owners["catalog"].begin() as conn:  # leave no unreadable rows to other tests
        table = SERVICES["catalog"].tables["storefronts"]
        await conn.execute(table.delete().where(table.c.tenant_id == lost))
    for service, name in (
        ("publisher", "channels"),
        ("publisher", "oauth_states"),
        ("analytics", "tenant_settings"),
    ):
        async with owners[service].begin() as conn:
            table = SERVICES[service].tables[name]
            await conn.execute(table.delete().where(table.c.tenant_id == lost))
    async with owners["publisher"].begin() as conn:
        table = SERVICES["publisher"].tables["mastodon_apps"]
        await conn.execute(table.delete().where(table.c.instance_url.contains(lost.hex)))


def _opens(key: str, token: bytes) -> bool:
    try:
        Sealer([key]).decrypt(token)
    except ValueError:
        return False
    return True
