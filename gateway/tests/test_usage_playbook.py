import csv
import io
import uuid
from typing import Any

import httpx
from sqlalchemy import text

from gateway.state import state_of
from gateway.usage.service import current_month
from kit.runtime import ServiceRuntime

from .standins import StandIn
from .support import PASSWORD, GatewayFactory, Town, app_of, auth_headers, login, unique


class TestUsage:
    async def test_tenant_usage_combines_api_calls_with_the_services_numbers(
        self, public_http: httpx.AsyncClient, town: Town, standins: dict[str, StandIn]
    ) -> None:
        standins["analytics"].data[town.id] = {"usage": {"clicks": 420, "orders": 7}}
        admin = await auth_headers(public_http, town.admin_email)
        for _ in range(3):
            await public_http.get("/v1/me", headers=admin)

        response = await public_http.get(f"/v1/tenants/{town.id}/usage", headers=admin)

        assert response.status_code == 200, response.text
        usage = response.json()
        assert usage["month"] == current_month()
        assert usage["gateway"]["api_calls"] == 4  # three /v1/me and this report
        assert usage["services"]["analytics"] == {
            "available": True,
            "month": current_month(),
            "clicks": 420,
            "orders": 7,
        }
        # The catalog stand-in serves no /v1/usage: its part is marked, the report still answers.
        assert usage["services"]["catalog"]["available"] is False

    async def test_counts_survive_in_the_table(
        self,
        public_http: httpx.AsyncClient,
        gateway_with: GatewayFactory,
        town: Town,
        standins: dict[str, StandIn],
    ) -> None:
        admin = await auth_headers(public_http, town.admin_email)
        await public_http.get("/v1/me", headers=admin)
        state = state_of(app_of(public_http))
        await state.usage.flush(state.db)
        other_process = await gateway_with({n: s.client() for n, s in standins.items()})

        response = await other_process.get(f"/v1/tenants/{town.id}/usage", headers=admin)

        assert response.json()["gateway"]["api_calls"] == 2

    async def test_usage_as_csv(
        self, public_http: httpx.AsyncClient, town: Town, standins: dict[str, StandIn]
    ) -> None:
        standins["analytics"].data[town.id] = {"usage": {"clicks": 5, "orders": 1}}
        admin = await auth_headers(public_http, town.admin_email)
        response = await public_http.get(
            f"/v1/tenants/{town.id}/usage", params={"format": "csv"}, headers=admin
        )
        assert response.headers["content-type"].startswith("text/csv")
        (row,) = csv.DictReader(io.StringIO(response.text))
        assert (row["slug"], row["analytics.clicks"], row["catalog.available"]) == (
            town.slug,
            "5",
            "False",
        )

    async def test_operator_sees_every_partner_side_by_side(
        self,
        public_http: httpx.AsyncClient,
        town: Town,
        operator_email: str,
        standins: dict[str, StandIn],
    ) -> None:
        standins["analytics"].data[town.id] = {"usage": {"clicks": 9}}
        operator = await auth_headers(public_http, operator_email)
        response = await public_http.get(
            "/v1/usage",
            params={"month": current_month()},
            headers={**operator, "Accept": "text/csv"},
        )
        rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(response.text))}
        assert rows[town.slug]["analytics.clicks"] == "9"
        refused = await public_http.get(
            "/v1/usage", headers=await auth_headers(public_http, town.admin_email)
        )
        assert refused.status_code == 403

    async def test_bad_month_is_422(self, public_http: httpx.AsyncClient, town: Town) -> None:
        admin = await auth_headers(public_http, town.admin_email)
        response = await public_http.get(
            f"/v1/tenants/{town.id}/usage", params={"month": "2026-13"}, headers=admin
        )
        assert response.status_code == 422


TEMPLATES: dict[str, Any] = {
    "categories": [{"slug": "specialties", "name": {"ja": "特産品"}}],
}
PUBLISHER: dict[str, Any] = {
    "templates": [{"name": "one specialty", "body": "{name} by {producer}: {price}"}],
    "slots": [{"weekday": 1, "time": "12:00"}],
    "approval_policies": [{"channel_kind": "x", "policy": "editor"}],
}


class TestPlaybook:
    async def test_partner_town_is_created_from_a_playbook_with_everything_in_place(
        self,
        public_http: httpx.AsyncClient,
        town: Town,
        operator_email: str,
        standins: dict[str, StandIn],
    ) -> None:
        standins["catalog"].data[town.id]["playbook"] = TEMPLATES
        standins["publisher"].data[town.id]["playbook"] = PUBLISHER
        operator = await auth_headers(public_http, operator_email)

        exported = await public_http.get(f"/v1/tenants/{town.id}/playbook", headers=operator)

        assert exported.status_code == 200, exported.text
        document = exported.json()
        assert (document["format"], document["version"]) == ("machi.playbook", 1)
        assert document["sections"]["catalog"] == TEMPLATES
        assert document["sections"]["analytics"] is None
        assert document["skipped"] == [{"section": "analytics", "reason": "analytics answered 404"}]

        slug = unique("ureshino")
        created = await public_http.post(
            "/v1/tenants",
            json={"slug": slug, "name": {"ja": "嬉野市"}, "from_playbook": document},
            headers=operator,
        )

        assert created.status_code == 201, created.text
        partner = created.json()
        assert partner["playbook"]["applied"] == ["catalog", "publisher"]
        assert partner["playbook"]["skipped"] == [
            {"section": "analytics", "reason": "not in the playbook"}
        ]
        assert partner["locales"] == document["tenant"]["locales"]
        # The partner's admin accepts an invitation, logs in, and finds the model in place.
        invitation = await public_http.post(
            "/v1/invitations",
            json={"email": f"admin@{slug}.example", "roles": ["admin"], "tenant_id": partner["id"]},
            headers=operator,
        )
        await public_http.post(invitation.json()["accept_path"], json={"password": PASSWORD})
        tokens = await login(public_http, f"admin@{slug}.example")
        assert tokens["access_token"]
        partner_id = uuid.UUID(partner["id"])
        assert standins["catalog"].data[partner_id]["playbook"] == TEMPLATES
        assert standins["publisher"].data[partner_id]["playbook"] == PUBLISHER
        writer = standins["publisher"].seen[-1]
        assert (writer.kind, writer.tenant_id) == ("service", partner_id)

    async def test_a_service_down_during_import_is_recorded_as_skipped(
        self,
        gateway_with: GatewayFactory,
        standins: dict[str, StandIn],
        operator_email: str,
    ) -> None:
        upstreams = {"catalog": standins["catalog"].client()}
        upstreams["publisher"] = httpx.AsyncClient(base_url="http://127.0.0.1:9")
        http = await gateway_with(upstreams)
        document = {
            "format": "machi.playbook",
            "version": 1,
            "tenant": {"locales": ["ja", "en"], "timezone": "Asia/Tokyo"},
            "sections": {"catalog": TEMPLATES, "publisher": PUBLISHER},
        }
        created = await http.post(
            "/v1/tenants",
            json={"slug": unique("kashima"), "name": {"ja": "鹿島市"}, "from_playbook": document},
            headers=await auth_headers(http, operator_email),
        )
        assert created.status_code == 201, created.text
        outcome = created.json()["playbook"]
        assert outcome["applied"] == ["catalog"]
        assert {"section": "publisher", "reason": "publisher is unreachable"} in outcome["skipped"]

    async def test_a_document_of_another_format_is_400(
        self, http: httpx.AsyncClient, operator_email: str
    ) -> None:
        response = await http.post(
            "/v1/tenants",
            json={
                "slug": unique("x"),
                "name": {"en": "X"},
                "from_playbook": {"format": "other", "version": 1},
            },
            headers=await auth_headers(http, operator_email),
        )
        assert response.status_code == 400

    async def test_only_the_operator_exports(self, http: httpx.AsyncClient, town: Town) -> None:
        response = await http.get(
            f"/v1/tenants/{town.id}/playbook", headers=await auth_headers(http, town.admin_email)
        )
        assert response.status_code == 403


async def test_pending_counts_are_written_when_the_gateway_stops(
    public_http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
) -> None:
    app = app_of(public_http)
    async with app.router.lifespan_context(app):
        await public_http.get("/v1/me", headers=await auth_headers(public_http, town.admin_email))

    async with runtime.db.transaction() as session:
        calls = (
            await session.execute(
                text("SELECT api_calls FROM usage_counts WHERE tenant_id = :t AND month = :m"),
                {"t": town.id, "m": current_month()},
            )
        ).scalar_one()
    assert calls == 1
