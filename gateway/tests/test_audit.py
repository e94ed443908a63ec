"""The audit log: what is recorded, who may read it, and that records stay as written."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from gateway.audit import service as audit
from gateway.audit.models import AuditEvent
from gateway.routes import UPSTREAMS
from kit import jobs
from kit.auth import TokenSigner, TokenVerifier
from kit.runtime import ServiceRuntime

from .support import PASSWORD, EchoService, GatewayFactory, Town, auth_headers, unique

WRONG = "not-the-password-9f3c"


async def records(http: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> list[Any]:
    response = await http.get("/v1/audit", params=params, headers=headers)
    assert response.status_code == 200, response.text
    items: list[Any] = response.json()["items"]
    return items


async def add_user(
    http: httpx.AsyncClient, admin: dict[str, str], town: Town, role: str
) -> tuple[str, dict[str, str]]:
    email = f"{unique(role)}@{town.slug}.example"
    made = await http.post(
        "/v1/users", json={"email": email, "password": PASSWORD, "roles": [role]}, headers=admin
    )
    assert made.status_code == 201, made.text
    return made.json()["id"], await auth_headers(http, email)


class TestLogins:
    async def test_failed_login_is_recorded_without_the_password(
        self, http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
    ) -> None:
        refused = await http.post(
            "/v1/auth/token",
            json={"email": town.admin_email, "password": WRONG},
            headers={"X-Request-ID": "req-failed-login"},
        )
        assert refused.status_code == 401
        admin = await auth_headers(http, town.admin_email)

        (failed,) = await records(http, admin, action="auth.login_failed")
        assert failed["actor"] == "anonymous"
        assert failed["target"].startswith("user:")
        assert failed["request_id"] == "req-failed-login"
        assert failed["ip"]
        async with runtime.db.transaction() as session:
            stored = (
                await session.execute(
                    text("SELECT row_to_json(a)::text FROM audit_events a WHERE request_id = :r"),
                    {"r": "req-failed-login"},
                )
            ).scalar_one()
        assert WRONG not in stored

    async def test_login_is_recorded_as_the_user(self, http: httpx.AsyncClient, town: Town) -> None:
        admin = await auth_headers(http, town.admin_email)
        me = (await http.get("/v1/me", headers=admin)).json()

        logins = await records(http, admin, action="auth.login")

        assert logins
        assert {r["actor"] for r in logins} == {f"user:{me['user_id']}"}

    async def test_unknown_email_is_recorded_for_the_operator_only(
        self, http: httpx.AsyncClient, operator_email: str, town: Town
    ) -> None:
        email = f"{unique('nobody')}@nowhere.example"
        await http.post("/v1/auth/token", json={"email": email, "password": WRONG})
        operator = await auth_headers(http, operator_email)
        admin = await auth_headers(http, town.admin_email)

        seen = await records(http, operator, target=f"email:{email}")

        assert [r["action"] for r in seen] == ["auth.login_failed"]
        assert await records(http, admin, target=f"email:{email}") == []


class TestReading:
    async def test_writer_cannot_read_the_audit_log(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        _, writer = await add_user(http, admin, town, "writer")

        for path in ("/v1/audit", "/v1/audit.csv", "/v1/audit?format=csv"):
            response = await http.get(path, headers=writer)
            assert response.status_code == 403, path
            assert response.headers["content-type"].startswith("application/problem+json")

    async def test_admin_reads_their_town_only_and_the_operator_every_town(
        self, http: httpx.AsyncClient, operator_email: str, town: Town
    ) -> None:
        operator = await auth_headers(http, operator_email)
        made = await http.post(
            "/v1/tenants",
            json={"slug": unique("ureshino"), "name": {"ja": "嬉野市"}},
            headers={**operator, "X-Request-ID": "req-open-ureshino"},
        )
        other = made.json()["id"]
        admin = await auth_headers(http, town.admin_email)

        (created,) = await records(http, operator, action="tenant.created", tenant_id=other)
        assert created["request_id"] == "req-open-ureshino"
        assert created["after"]["slug"] == made.json()["slug"]
        assert created["actor"].startswith("user:")
        assert all(r["tenant_id"] == str(town.id) for r in await records(http, admin))
        refused = await http.get("/v1/audit", params={"tenant_id": other}, headers=admin)
        assert refused.status_code == 404

    async def test_filters_and_cursor(self, http: httpx.AsyncClient, town: Town) -> None:
        admin = await auth_headers(http, town.admin_email)
        ids = [(await add_user(http, admin, town, "staff"))[0] for _ in range(3)]
        since = (datetime.now(UTC) - timedelta(minutes=5)).isoformat()

        first = await http.get(
            "/v1/audit",
            params={"action": "user.", "limit": 2, "since": since},
            headers=admin,
        )
        page = first.json()
        rest = await http.get(
            "/v1/audit",
            params={"action": "user.", "limit": 2, "since": since, "cursor": page["next_cursor"]},
            headers=admin,
        )

        targets = [r["target"] for r in page["items"] + rest.json()["items"]]
        assert targets == [f"user:{i}" for i in reversed(ids)]
        assert await records(http, admin, action="user.created", until=since) == []
        naive = datetime.now(UTC).replace(tzinfo=None) - timedelta(minutes=5)
        assert await records(http, admin, action="user.created", until=naive.isoformat()) == []

    async def test_csv_export(self, http: httpx.AsyncClient, town: Town) -> None:
        admin = await auth_headers(http, town.admin_email)
        user_id, _ = await add_user(http, admin, town, "analyst")

        wanted = {"target": f"user:{user_id}", "action": "user."}
        for path, extra in (("/v1/audit.csv", {}), ("/v1/audit", {"format": "csv"})):
            response = await http.get(path, params={**wanted, **extra}, headers=admin)
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/csv")
            rows = list(csv.DictReader(io.StringIO(response.text)))
            assert [(r["action"], r["target"]) for r in rows] == [
                ("user.created", f"user:{user_id}")
            ]
            assert '"roles": ["analyst"]' in rows[0]["after"]

    async def test_a_filter_with_a_nul_is_a_problem_on_json_and_csv(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)

        for path, extra in (
            ("/v1/audit.csv", {}),
            ("/v1/audit", {"format": "csv"}),
            ("/v1/audit", {}),
        ):
            response = await http.get(path, params={"target": "user:\x00", **extra}, headers=admin)
            assert response.status_code == 422, (path, response.text)
            assert response.headers["content-type"].startswith("application/problem+json")


class TestForwarded:
    async def test_approval_is_recorded_with_actor_target_status_and_request_id(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        editor_id, editor = await add_user(http, admin, town, "editor")
        post = uuid.uuid4()

        approved = await http.post(
            f"/v1/posts/{post}/approve", headers={**editor, "X-Request-ID": "req-approve"}
        )
        assert approved.status_code == 200
        await http.get("/v1/posts", headers=editor)  # reads are not recorded

        (row,) = await records(http, admin, actor=f"user:{editor_id}", action="post.")
        assert (row["action"], row["target"], row["status"]) == (
            "post.approved",
            f"post:{post}",
            200,
        )
        assert (row["request_id"], row["method"]) == ("req-approve", "POST")
        assert row["path"] == f"/v1/posts/{post}/approve"

    async def test_refused_cancel_is_recorded_with_its_status(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        writer_id, writer = await add_user(http, admin, town, "writer")
        post = uuid.uuid4()

        # The stand-in answers the status asked for, as the publisher would refuse it.
        await http.post(f"/v1/posts/{post}/cancel?status=409", headers=writer)

        (row,) = await records(http, admin, actor=f"user:{writer_id}", action="post.")
        assert (row["action"], row["status"]) == ("post.cancelled", 409)

    async def test_hiding_unhiding_and_deleting_a_citizens_comment_are_recorded(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        editor_id, editor = await add_user(http, admin, town, "editor")
        path = f"/v1/conversations/{uuid.uuid4()}/messages/{uuid.uuid4()}"
        conversation, message = path.split("/")[3], path.split("/")[5]

        for answer in (
            await http.post(f"{path}/hide", headers=editor),
            await http.post(f"{path}/unhide", headers=editor),
            await http.delete(path, headers=editor),
        ):
            assert answer.status_code == 200, answer.text

        rows = await records(http, admin, actor=f"user:{editor_id}", action="conversation.")
        assert sorted((r["action"], r["target"], r["method"]) for r in rows) == [
            (action, f"conversation:{conversation},message:{message}", method)
            for action, method in (
                ("conversation.comment_deleted", "DELETE"),
                ("conversation.comment_hidden", "POST"),
                ("conversation.comment_unhidden", "POST"),
            )
        ]


def settings_service(signer: TokenSigner) -> FastAPI:
    """An analytics stand-in keeping the webhook settings, its secret shown masked as the
    real one does, and the token's signature checked."""
    app = FastAPI()
    verifier = TokenVerifier("analytics", issuer=signer.issuer, jwks=signer.jwks())
    kept: dict[str, Any] = {"shopify": {"shop_domain": "old.myshopify.com", "secret": "old-s"}}

    @app.get("/v1/settings/webhooks")
    async def read(request: Request) -> dict[str, Any]:
        await verifier.verify(request.headers["authorization"].removeprefix("Bearer "))
        return kept

    @app.put("/v1/settings/webhooks/{store}")
    async def write(store: str, request: Request) -> dict[str, Any]:
        await verifier.verify(request.headers["authorization"].removeprefix("Bearer "))
        kept[store] = await request.json()
        return kept

    return app


async def test_settings_change_is_recorded_before_and_after_without_secrets(
    gateway_with: GatewayFactory,
    services: dict[str, EchoService],
    signer: TokenSigner,
    town: Town,
) -> None:
    upstreams = {name: services[name].client() for name in UPSTREAMS if name != "analytics"}
    upstreams["analytics"] = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=settings_service(signer)), base_url="http://analytics"
    )
    http = await gateway_with(upstreams)
    admin = await auth_headers(http, town.admin_email)

    changed = await http.put(
        "/v1/settings/webhooks/shopify",
        json={"shop_domain": "takeo.myshopify.com", "secret": "new-s"},
        headers=admin,
    )
    assert changed.status_code == 200

    (row,) = await records(http, admin, action="settings.webhooks")
    assert row["target"] == "store:shopify"
    assert row["before"]["shopify"]["shop_domain"] == "old.myshopify.com"
    assert row["after"]["shopify"]["shop_domain"] == "takeo.myshopify.com"
    assert row["before"]["shopify"]["secret"] == row["after"]["shopify"]["secret"] == "[redacted]"
    assert "new-s" not in (await http.get("/v1/audit.csv", headers=admin)).text


class TestAppendOnly:
    async def test_app_role_cannot_update_a_record(self, runtime: ServiceRuntime) -> None:
        with pytest.raises(DBAPIError, match="append-only"):
            async with runtime.db.transaction() as session:
                await session.execute(text("UPDATE audit_events SET action = 'forged'"))

    async def test_app_role_cannot_delete_a_record(self, runtime: ServiceRuntime) -> None:
        async with runtime.db.transaction() as session:
            session.add(
                AuditEvent(
                    actor="user:x",
                    action="probe",
                    target="t",
                    ip="",
                    request_id="",
                    method="",
                    path="",
                )
            )
        with pytest.raises(DBAPIError, match="append-only"):
            async with runtime.db.transaction() as session:
                await session.execute(text("DELETE FROM audit_events WHERE action = 'probe'"))

    async def test_purge_deletes_old_records_only(self, runtime: ServiceRuntime) -> None:
        tag = unique("purge")
        now = datetime.now(UTC)
        async with runtime.db.transaction() as session:
            for age in (400, 10):
                session.add(
                    AuditEvent(
                        created_at=now - timedelta(days=age),
                        actor="user:x",
                        action="probe",
                        target=f"{tag}:{age}",
                        ip="",
                        request_id="",
                        method="",
                        path="",
                    )
                )

        ran = await jobs.run_once(runtime.jobs_db, "gateway", audit.purge_job(runtime.jobs_db, 365))

        assert ran
        async with runtime.db.transaction() as session:
            left = (
                await session.execute(
                    text("SELECT target FROM audit_events WHERE target LIKE :t"), {"t": f"{tag}:%"}
                )
            ).scalars()
            assert list(left) == [f"{tag}:10"]
