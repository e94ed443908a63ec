import asyncio
import json
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from gateway import roles
from kit.errors import type_uri
from kit.events.bus import Delivery
from kit.events.rabbitmq import RabbitBus
from kit.runtime import ServiceRuntime

from .support import PASSWORD, Town, auth_headers, bearer, login, unique

TAKEO = {
    "name": {"ja": "武雄市", "en": "Takeo", "ko": "다케오시"},
    "timezone": "Asia/Tokyo",
    "country": "JP",
    "locales": ["ja", "en", "ko"],
    "fallback_locale": "en",
    "currency": "JPY",
    "population": 50_000,
    "allowed_store_domains": ["store.shopping.yahoo.co.jp"],
    "primary_social_url": "https://www.facebook.com/takeo.city",
    "plan": "town",
}


async def outbox_events(runtime: ServiceRuntime, tenant_id: str) -> list[dict[str, Any]]:
    async with runtime.db.transaction() as session:
        rows = await session.execute(
            text("SELECT envelope FROM outbox WHERE tenant_id = :t ORDER BY occurred_at"),
            {"t": tenant_id},
        )
        return [row[0] for row in rows]


async def create_tenant(
    http: httpx.AsyncClient, operator: dict[str, str], **overrides: Any
) -> dict[str, Any]:
    response = await http.post(
        "/v1/tenants", json={**TAKEO, "slug": unique("takeo"), **overrides}, headers=operator
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


class TestPlans:
    async def test_plans_list_quotas_and_features(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        response = await http.get("/v1/plans", headers=await auth_headers(http, town.admin_email))
        assert response.status_code == 200
        plans = {plan["name"]: plan for plan in response.json()["items"]}
        assert {"trial", "town", "city"} <= set(plans)
        assert set(plans["town"]["limits"]) == {
            "active_products",
            "channels",
            "staff_users",
            "posts_per_month",
            "tracked_clicks_per_month",
            "api_requests_per_minute",
        }
        assert "line_broadcast" in plans["town"]["features"]

    async def test_only_the_operator_changes_plans(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        response = await http.put(
            "/v1/plans/town",
            json={"limits": {"active_products": 1}},
            headers=await auth_headers(http, town.admin_email),
        )
        assert response.status_code == 403

    async def test_changing_a_plan_tells_each_of_its_tenants(
        self, http: httpx.AsyncClient, operator_email: str, runtime: ServiceRuntime
    ) -> None:
        operator = await auth_headers(http, operator_email)
        plan = unique("pilot")
        made = await http.put(
            f"/v1/plans/{plan}", json={"limits": {"staff_users": 3}}, headers=operator
        )
        assert made.status_code == 200, made.text
        tenant = await create_tenant(http, operator, plan=plan)

        changed = await http.put(
            f"/v1/plans/{plan}",
            json={"limits": {"staff_users": 9}, "features": ["insights"]},
            headers=operator,
        )

        assert changed.status_code == 200
        last = (await outbox_events(runtime, tenant["id"]))[-1]
        assert last["type"] == "gateway.tenant.plan_changed.v1"
        assert last["payload"] == {
            "plan": plan,
            "limits": {"staff_users": 9},
            "features": ["insights"],
        }


class TestTenantProfile:
    async def test_operator_creates_a_town_with_its_full_profile(
        self, http: httpx.AsyncClient, operator_email: str
    ) -> None:
        body = await create_tenant(http, await auth_headers(http, operator_email))
        for field in TAKEO:
            assert body[field] == TAKEO[field], field
        assert body["effective_limits"]["staff_users"] == 50
        assert body["features"] == ["insights", "line_broadcast"]

    async def test_creation_emits_tenant_created_and_its_quotas(
        self, http: httpx.AsyncClient, operator_email: str, runtime: ServiceRuntime
    ) -> None:
        body = await create_tenant(
            http, await auth_headers(http, operator_email), limits={"active_products": 7}
        )

        created, quotas = await outbox_events(runtime, body["id"])

        assert created["type"] == "gateway.tenant.created.v1"
        assert created["source"] == "gateway"
        assert created["payload"]["slug"] == body["slug"]
        assert created["payload"]["locales"] == ["ja", "en", "ko"]
        assert created["payload"]["allowed_store_domains"] == ["store.shopping.yahoo.co.jp"]
        assert quotas["type"] == "gateway.tenant.plan_changed.v1"
        assert quotas["payload"]["limits"]["active_products"] == 7
        assert quotas["payload"]["limits"]["channels"] == 15

    async def test_plan_change_emits_plan_changed(
        self, http: httpx.AsyncClient, operator_email: str, runtime: ServiceRuntime
    ) -> None:
        operator = await auth_headers(http, operator_email)
        body = await create_tenant(http, operator)

        response = await http.patch(
            f"/v1/tenants/{body['id']}", json={"plan": "city"}, headers=operator
        )

        assert response.status_code == 200, response.text
        assert response.json()["effective_limits"]["staff_users"] == 500
        last = (await outbox_events(runtime, body["id"]))[-1]
        assert (last["type"], last["payload"]["plan"]) == ("gateway.tenant.plan_changed.v1", "city")

    async def test_unknown_plan_is_404(self, http: httpx.AsyncClient, operator_email: str) -> None:
        response = await http.post(
            "/v1/tenants",
            json={**TAKEO, "slug": unique("x"), "plan": "platinum"},
            headers=await auth_headers(http, operator_email),
        )
        assert response.status_code == 404
        assert response.json()["type"] == type_uri("unknown-plan")

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("slug", "public"),
            ("timezone", "Mars/Olympus"),
            ("country", "japan"),
            ("currency", "yen"),
            ("allowed_store_domains", ["not a host"]),
            ("allowed_store_domains", ["com"]),  # a bare public suffix: an open redirect
            ("allowed_store_domains", ["co.jp"]),
            ("allowed_store_domains", ["myshopify.com"]),  # every Shopify store at once
            ("allowed_store_domains", ["127.0.0.1"]),
            ("allowed_store_domains", ["localhost"]),
            ("primary_social_url", "http://insecure.example/page"),
        ],
    )
    async def test_bad_profile_field_is_422(
        self, http: httpx.AsyncClient, operator_email: str, field: str, value: object
    ) -> None:
        response = await http.post(
            "/v1/tenants",
            json={**TAKEO, "slug": unique("x"), field: value},
            headers=await auth_headers(http, operator_email),
        )
        assert response.status_code == 422, response.text

    async def test_fallback_outside_the_locales_is_400(
        self, http: httpx.AsyncClient, operator_email: str
    ) -> None:
        response = await http.post(
            "/v1/tenants",
            json={**TAKEO, "slug": unique("x"), "locales": ["ja"], "fallback_locale": "ko"},
            headers=await auth_headers(http, operator_email),
        )
        assert response.status_code == 400

    async def test_operator_lists_every_tenant_and_members_cannot(
        self, http: httpx.AsyncClient, operator_email: str, town: Town
    ) -> None:
        operator = await auth_headers(http, operator_email)
        slugs: list[str] = []
        cursor = None
        while True:
            params = {"limit": 50, **({"cursor": cursor} if cursor else {})}
            page = (await http.get("/v1/tenants", params=params, headers=operator)).json()
            slugs += [t["slug"] for t in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert town.slug in slugs
        assert slugs == sorted(slugs)
        refused = await http.get("/v1/tenants", headers=await auth_headers(http, town.admin_email))
        assert refused.status_code == 403

    async def test_tenants_and_plans_page_by_cursor(
        self, http: httpx.AsyncClient, operator_email: str, town: Town
    ) -> None:
        operator = await auth_headers(http, operator_email)

        first = await http.get("/v1/plans", params={"limit": 1}, headers=operator)
        second = await http.get(
            "/v1/plans",
            params={"limit": 1, "cursor": first.json()["next_cursor"]},
            headers=operator,
        )
        tenants = await http.get("/v1/tenants", params={"limit": 1}, headers=operator)
        made_up = await http.get("/v1/tenants", params={"cursor": "not-ours"}, headers=operator)

        assert first.status_code == 200, first.text
        assert len(first.json()["items"]) == 1
        assert first.json()["items"][0]["name"] < second.json()["items"][0]["name"]
        assert len(tenants.json()["items"]) == 1
        assert tenants.json()["next_cursor"] is not None
        assert made_up.status_code == 400


class TestSuspension:
    async def test_suspended_tenant_gets_403_and_its_data_is_intact_after_reactivation(
        self, http: httpx.AsyncClient, operator_email: str, town: Town
    ) -> None:
        operator = await auth_headers(http, operator_email)
        admin = await auth_headers(http, town.admin_email)
        key = (
            await http.post("/v1/api-keys", json={"name": "k", "roles": ["editor"]}, headers=admin)
        ).json()
        writer = {"email": f"w@{town.slug}.example", "password": PASSWORD, "roles": ["writer"]}
        assert (await http.post("/v1/users", json=writer, headers=admin)).status_code == 201

        suspended = await http.post(f"/v1/tenants/{town.id}/suspend", headers=operator)
        assert suspended.json()["status"] == "suspended"
        assert suspended.json()["suspended_at"] is not None
        for headers in (admin, bearer(key["key"])):
            refused = await http.get("/v1/me", headers=headers)
            assert refused.status_code == 403
            assert refused.json()["type"] == type_uri("tenant-suspended")
        login_refused = await http.post(
            "/v1/auth/token", json={"email": writer["email"], "password": PASSWORD}
        )
        assert login_refused.json()["type"] == type_uri("tenant-suspended")

        reactivated = await http.post(f"/v1/tenants/{town.id}/reactivate", headers=operator)

        assert reactivated.json()["status"] == "active"
        assert (await http.get("/v1/me", headers=bearer(key["key"]))).status_code == 200
        assert (await login(http, writer["email"]))["access_token"]
        keys = await http.get("/v1/api-keys", headers=await auth_headers(http, town.admin_email))
        assert [k["id"] for k in keys.json()["items"]] == [key["id"]]

    async def test_members_cannot_suspend(self, http: httpx.AsyncClient, town: Town) -> None:
        response = await http.post(
            f"/v1/tenants/{town.id}/suspend", headers=await auth_headers(http, town.admin_email)
        )
        assert response.status_code == 403


class TestStaffQuota:
    async def test_users_beyond_the_plans_staff_quota_are_refused(
        self, http: httpx.AsyncClient, operator_email: str
    ) -> None:
        operator = await auth_headers(http, operator_email)
        tenant = await create_tenant(http, operator, limits={"staff_users": 2})
        for n in range(2):
            made = await http.post(
                "/v1/users",
                json={
                    "email": f"u{n}@{tenant['slug']}.example",
                    "password": PASSWORD,
                    "roles": ["writer"],
                    "tenant_id": tenant["id"],
                },
                headers=operator,
            )
            assert made.status_code == 201, made.text

        over = await http.post(
            "/v1/users",
            json={
                "email": f"u3@{tenant['slug']}.example",
                "password": PASSWORD,
                "roles": ["writer"],
                "tenant_id": tenant["id"],
            },
            headers=operator,
        )

        assert over.status_code == 403
        assert over.json()["type"] == type_uri("quota-exceeded")
        assert over.json()["quota"] == "staff_users"


@pytest.mark.broker
async def test_relay_publishes_tenant_events_to_rabbitmq(
    http: httpx.AsyncClient,
    operator_email: str,
    runtime: ServiceRuntime,
    rabbit_bus: RabbitBus,
) -> None:
    received: list[dict[str, Any]] = []
    arrived = asyncio.Event()
    slug = unique("kashima")

    async def handler(delivery: Delivery) -> None:
        envelope = json.loads(delivery.body)
        if envelope["payload"].get("slug") == slug:
            received.append(envelope)
            arrived.set()

    await rabbit_bus.subscribe("test.gateway-tenants", ["gateway.tenant.#"], handler)
    relay_runtime = ServiceRuntime(
        service="gateway",
        settings=runtime.settings,
        db=runtime.db,
        verifier=runtime.verifier,
        bus=rabbit_bus,
    )
    (relay,) = [r for r in roles.background_roles(relay_runtime) if r.kind == "relay"]
    task = asyncio.create_task(relay.run())
    try:
        await create_tenant(http, await auth_headers(http, operator_email), slug=slug)
        await asyncio.wait_for(arrived.wait(), timeout=20)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    assert relay.name == "gateway-relay"
    (event,) = received
    assert event["type"] == "gateway.tenant.created.v1"
    uuid.UUID(event["tenant_id"])


class TestTenantUpdate:
    async def test_fallback_follows_the_locales(
        self, http: httpx.AsyncClient, operator_email: str
    ) -> None:
        operator = await auth_headers(http, operator_email)
        body = await create_tenant(http, operator)

        narrowed = await http.patch(
            f"/v1/tenants/{body['id']}", json={"locales": ["ja", "ko"]}, headers=operator
        )
        refused = await http.patch(
            f"/v1/tenants/{body['id']}", json={"fallback_locale": "en"}, headers=operator
        )

        assert narrowed.json()["fallback_locale"] == "ja"  # "en" is no longer a locale
        assert refused.status_code == 400
