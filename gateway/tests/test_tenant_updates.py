"""`gateway.tenant.updated.v1`: every settings change reaches the services through the outbox."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from kit.runtime import ServiceRuntime

from .support import auth_headers
from .test_plans_tenants import create_tenant, outbox_events

UPDATED = "gateway.tenant.updated.v1"


def of_type(events: list[dict[str, Any]], type_: str) -> list[dict[str, Any]]:
    return [event for event in events if event["type"] == type_]


@pytest.mark.parametrize(
    ("change", "field", "expected"),
    [
        ({"name": {"ja": "武雄", "en": "Takeo City"}}, "name", {"ja": "武雄", "en": "Takeo City"}),
        ({"timezone": "Asia/Seoul"}, "timezone", "Asia/Seoul"),
        ({"locales": ["ja", "en"], "fallback_locale": "ja"}, "locales", ["ja", "en"]),
        ({"fallback_locale": "ko"}, "fallback_locale", "ko"),
        ({"currency": "KRW"}, "currency", "KRW"),
        ({"population": 49_000}, "population", 49_000),
        ({"allowed_store_domains": ["takeo.example"]}, "allowed_store_domains", ["takeo.example"]),
        (
            {"primary_social_url": "https://x.com/takeo"},
            "primary_social_url",
            "https://x.com/takeo",
        ),
    ],
)
async def test_a_settings_change_publishes_the_whole_new_profile(
    http: httpx.AsyncClient,
    operator_email: str,
    runtime: ServiceRuntime,
    change: dict[str, Any],
    field: str,
    expected: Any,
) -> None:
    operator = await auth_headers(http, operator_email)
    tenant = await create_tenant(http, operator)

    response = await http.patch(f"/v1/tenants/{tenant['id']}", json=change, headers=operator)

    assert response.status_code == 200, response.text
    (updated,) = of_type(await outbox_events(runtime, tenant["id"]), UPDATED)
    assert updated["tenant_id"] == tenant["id"]
    assert updated["payload"][field] == expected
    assert updated["payload"]["slug"] == tenant["slug"]  # the whole profile, not a diff
    assert updated["payload"]["currency"] == response.json()["currency"]


async def test_a_patch_that_changes_nothing_publishes_nothing(
    http: httpx.AsyncClient, operator_email: str, runtime: ServiceRuntime
) -> None:
    operator = await auth_headers(http, operator_email)
    tenant = await create_tenant(http, operator)

    response = await http.patch(
        f"/v1/tenants/{tenant['id']}",
        json={"timezone": tenant["timezone"], "population": tenant["population"]},
        headers=operator,
    )

    assert response.status_code == 200
    assert of_type(await outbox_events(runtime, tenant["id"]), UPDATED) == []


async def test_suspending_is_no_settings_change(
    http: httpx.AsyncClient, operator_email: str, runtime: ServiceRuntime
) -> None:
    operator = await auth_headers(http, operator_email)
    tenant = await create_tenant(http, operator)

    response = await http.post(f"/v1/tenants/{tenant['id']}/suspend", headers=operator)

    assert response.status_code == 200
    assert of_type(await outbox_events(runtime, tenant["id"]), UPDATED) == []


async def test_a_refused_change_publishes_nothing(
    http: httpx.AsyncClient, operator_email: str, runtime: ServiceRuntime
) -> None:
    operator = await auth_headers(http, operator_email)
    tenant = await create_tenant(http, operator)

    response = await http.patch(
        f"/v1/tenants/{tenant['id']}",
        json={"currency": "EUR", "fallback_locale": "fr"},  # fr is not one of the locales
        headers=operator,
    )

    assert response.status_code >= 400
    assert of_type(await outbox_events(runtime, tenant["id"]), UPDATED) == []
