"""Reports cut days and months in the tenant's timezone, which follows the gateway's profile."""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import asyncpg
import httpx

from analytics.handlers import on_tenant_created, on_tenant_updated
from contracts.gateway import TenantCreatedV1, TenantUpdatedV1
from kit.auth import InternalPrincipal
from kit.events import consumer
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery, principal

from .helpers import STORE, roll_up

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
MARCH = "start=2026-03-01&end=2026-04-01"
APRIL = "start=2026-04-01&end=2026-05-01"


def profile(timezone: str, population: int, domains: list[str]) -> dict[str, object]:
    return {
        "slug": "takeo",
        "name": {"en": "Takeo"},
        "timezone": timezone,
        "population": population,
        "allowed_store_domains": domains,
    }


async def click_at(owner: asyncpg.Connection, tenant: uuid.UUID, moment: datetime) -> None:
    await owner.execute(
        "INSERT INTO clicks (tenant_id, click_id, occurred_at, link_id, code, is_bot,"
        " visitor_hash) VALUES ($1, $2, $3, $1, 'tz', false, 'v1')",
        tenant,
        uuid.uuid4().hex,
        moment,
    )
    await owner.execute(
        "INSERT INTO rollup_dirty (tenant_id, hour) VALUES ($1, date_trunc('hour', $2, 'UTC'))"
        " ON CONFLICT DO NOTHING",
        tenant,
        moment,
    )


async def clicks(admin: httpx.AsyncClient, query: str) -> int:
    response = await admin.get(f"/v1/reports/overview?{query}")
    assert response.status_code == 200, response.text
    return int(response.json()["current"]["clicks"])


async def test_a_tokyo_click_on_march_31_at_16_utc_counts_in_april(
    as_user: Client, owner: asyncpg.Connection, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    created = TenantCreatedV1.model_validate(profile("Asia/Tokyo", 50_000, [STORE]))
    await consumer.handle(on_tenant_created, runtime.db, delivery(created, tenant))
    await click_at(owner, tenant, datetime(2026, 3, 31, 16, tzinfo=UTC))  # 04-01 01:00 JST
    await click_at(owner, tenant, datetime(2026, 3, 31, 14, 59, tzinfo=UTC))  # 23:59 JST
    await roll_up(runtime)
    admin = as_user(principal(tenant))
    assert (await clicks(admin, MARCH), await clicks(admin, APRIL)) == (1, 1)
    chart = await admin.get(f"/v1/reports/overview.svg?{APRIL}")
    assert chart.status_code == 200


async def test_tenant_updated_moves_the_days_to_the_new_timezone(
    as_user: Client, owner: asyncpg.Connection, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    created = TenantCreatedV1.model_validate(profile("UTC", 50_000, [STORE]))
    await consumer.handle(on_tenant_created, runtime.db, delivery(created, tenant))
    await click_at(owner, tenant, datetime(2026, 3, 31, 16, tzinfo=UTC))
    await roll_up(runtime)
    admin = as_user(principal(tenant))
    assert (await clicks(admin, MARCH), await clicks(admin, APRIL)) == (1, 0)

    updated = TenantUpdatedV1.model_validate(profile("Asia/Tokyo", 48_000, ["shop.example.jp"]))
    await consumer.handle(on_tenant_updated, runtime.db, delivery(updated, tenant))
    await roll_up(runtime)

    assert (await clicks(admin, MARCH), await clicks(admin, APRIL)) == (0, 1)
    settings = (await admin.get("/v1/settings/tracking")).json()
    assert (settings["timezone"], settings["population"]) == ("Asia/Tokyo", 48_000)
    assert settings["allowed_store_domains"] == ["shop.example.jp"]  # the gateway's list, whole


async def test_an_unknown_timezone_is_refused(as_user: Client) -> None:
    admin = as_user(principal(uuid.uuid4()))
    response = await admin.put("/v1/settings/tracking", json={"timezone": "Mars/Olympus"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
