import logging
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import text

from gateway.settings import GatewaySettings
from kit.errors import type_uri
from kit.runtime import ServiceRuntime

from .support import PASSWORD, EchoService, GatewayFactory, Town, auth_headers, bearer, login


async def invite(
    http: httpx.AsyncClient, headers: dict[str, str], email: str, **extra: object
) -> httpx.Response:
    return await http.post(
        "/v1/invitations", json={"email": email, "roles": ["writer"], **extra}, headers=headers
    )


class TestInvitations:
    async def test_invitee_accepts_with_a_password_and_logs_in(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        email = f"writer@{town.slug}.example"
        created = await invite(http, await auth_headers(http, town.admin_email), email)
        assert created.status_code == 201, created.text
        body = created.json()
        assert body["accept_path"] == f"/v1/invitations/{body['token']}/accept"

        accepted = await http.post(body["accept_path"], json={"password": PASSWORD})

        assert accepted.status_code == 201, accepted.text
        assert accepted.json()["tenant_id"] == str(town.id)
        me = await http.get("/v1/me", headers=await auth_headers(http, email))
        assert me.json()["roles"] == ["writer"]

    async def test_an_invitation_works_once(self, http: httpx.AsyncClient, town: Town) -> None:
        body = (
            await invite(http, await auth_headers(http, town.admin_email), f"p@{town.slug}.example")
        ).json()
        first = await http.post(body["accept_path"], json={"password": PASSWORD})
        second = await http.post(body["accept_path"], json={"password": "another password"})
        assert first.status_code == 201
        assert second.status_code == 404
        assert second.json()["type"] == type_uri("invalid-invitation")

    async def test_an_expired_invitation_is_refused(
        self, http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
    ) -> None:
        body = (
            await invite(
                http, await auth_headers(http, town.admin_email), f"late@{town.slug}.example"
            )
        ).json()
        async with runtime.db.transaction() as session:
            await session.execute(
                text("UPDATE invitations SET expires_at = :t WHERE id = :id"),
                {"t": datetime.now(UTC) - timedelta(seconds=1), "id": body["id"]},
            )
        response = await http.post(body["accept_path"], json={"password": PASSWORD})
        assert response.status_code == 404

    async def test_the_token_is_stored_only_as_a_hash(
        self, http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
    ) -> None:
        body = (
            await invite(http, await auth_headers(http, town.admin_email), f"h@{town.slug}.example")
        ).json()
        async with runtime.db.transaction() as session:
            row = (
                await session.execute(
                    text("SELECT * FROM invitations WHERE id = :id"), {"id": body["id"]}
                )
            ).one()
        assert body["token"] not in " ".join(str(v) for v in row)

    async def test_writers_cannot_invite_and_nobody_invites_an_operator(
        self, http: httpx.AsyncClient, town: Town, operator_email: str
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        email = f"w2@{town.slug}.example"
        await http.post(
            "/v1/users",
            json={"email": email, "password": PASSWORD, "roles": ["writer"]},
            headers=admin,
        )
        writer = await auth_headers(http, email)
        assert (await invite(http, writer, f"x@{town.slug}.example")).status_code == 403
        operator = await auth_headers(http, operator_email)
        as_operator = await invite(
            http, operator, f"y@{town.slug}.example", roles=["operator"], tenant_id=str(town.id)
        )
        assert as_operator.status_code in (403, 422)

    async def test_operator_invites_a_new_towns_admin(
        self, http: httpx.AsyncClient, town: Town, operator_email: str
    ) -> None:
        response = await http.post(
            "/v1/invitations",
            json={
                "email": f"a2@{town.slug}.example",
                "roles": ["admin"],
                "tenant_id": str(town.id),
            },
            headers=await auth_headers(http, operator_email),
        )
        assert response.status_code == 201
        assert response.json()["tenant_id"] == str(town.id)


class TestLoginThrottling:
    async def test_repeated_wrong_passwords_lock_the_account(
        self,
        gateway_with: GatewayFactory,
        gateway_settings: GatewaySettings,
        town: Town,
    ) -> None:
        settings = gateway_settings.model_copy(
            update={"login_max_failures": 3, "login_lockout_seconds": 60}
        )
        http = await gateway_with({}, settings=settings)
        wrong = {"email": town.admin_email, "password": "wrong password"}
        failures = [await http.post("/v1/auth/token", json=wrong) for _ in range(3)]
        assert [f.json()["type"] for f in failures] == [type_uri("invalid-credentials")] * 3

        locked = await http.post(
            "/v1/auth/token", json={"email": town.admin_email, "password": PASSWORD}
        )

        # The right password is refused as a wrong one is: a lock does not confirm the email.
        assert locked.status_code == 401
        assert locked.json()["type"] == type_uri("invalid-credentials")

    async def test_a_good_password_resets_the_count(
        self, gateway_with: GatewayFactory, gateway_settings: GatewaySettings, town: Town
    ) -> None:
        settings = gateway_settings.model_copy(update={"login_max_failures": 2})
        http = await gateway_with({}, settings=settings)
        wrong = {"email": town.admin_email, "password": "wrong password"}
        await http.post("/v1/auth/token", json=wrong)
        await login(http, town.admin_email)
        await http.post("/v1/auth/token", json=wrong)
        assert (await login(http, town.admin_email))["access_token"]

    async def test_lock_ends_by_itself(
        self,
        gateway_with: GatewayFactory,
        gateway_settings: GatewaySettings,
        town: Town,
        runtime: ServiceRuntime,
    ) -> None:
        settings = gateway_settings.model_copy(update={"login_max_failures": 1})
        http = await gateway_with({}, settings=settings)
        await http.post("/v1/auth/token", json={"email": town.admin_email, "password": "nope-nope"})
        async with runtime.db.transaction() as session:
            await session.execute(
                text(
                    "UPDATE users SET locked_until = now() - interval '1 second' WHERE email = :e"
                ),
                {"e": town.admin_email},
            )
        assert (await login(http, town.admin_email))["access_token"]

    async def test_too_many_attempts_from_one_address_are_throttled(
        self, gateway_with: GatewayFactory, gateway_settings: GatewaySettings
    ) -> None:
        settings = gateway_settings.model_copy(update={"login_ip_per_minute": 2})
        http = await gateway_with({}, settings=settings)
        attempts = [
            await http.post(
                "/v1/auth/token",
                json={"email": f"{uuid.uuid4().hex}@x.example", "password": "whatever1"},
            )
            for _ in range(3)
        ]
        assert [a.status_code for a in attempts] == [401, 401, 429]
        assert attempts[-1].json()["type"] == type_uri("login-throttled")
        assert "retry-after" in attempts[-1].headers


class TestApiKeyScopes:
    async def test_key_reaches_only_its_scopes(
        self, http: httpx.AsyncClient, town: Town, services: dict[str, EchoService]
    ) -> None:
        created = await http.post(
            "/v1/api-keys",
            json={"name": "reader", "roles": ["analyst"], "scopes": ["catalog:read"]},
            headers=await auth_headers(http, town.admin_email),
        )
        assert created.json()["scopes"] == ["catalog:read"]
        key = bearer(created.json()["key"])

        assert (await http.get("/v1/products", headers=key)).status_code == 200
        written = await http.post("/v1/products", json={}, headers=key)
        other = await http.get("/v1/posts", headers=key)

        assert (written.status_code, other.status_code) == (403, 403)
        assert written.json()["type"] == type_uri("insufficient-scope")

    async def test_last_used_time_is_recorded(self, http: httpx.AsyncClient, town: Town) -> None:
        admin = await auth_headers(http, town.admin_email)
        created = await http.post(
            "/v1/api-keys", json={"name": "sync", "roles": ["editor"]}, headers=admin
        )
        assert created.json()["last_used_at"] is None
        await http.get("/v1/me", headers=bearer(created.json()["key"]))

        (listed,) = (await http.get("/v1/api-keys", headers=admin)).json()["items"]

        assert listed["last_used_at"] is not None

    async def test_key_never_appears_in_logs(
        self, http: httpx.AsyncClient, town: Town, caplog: pytest.LogCaptureFixture
    ) -> None:
        caplog.set_level(logging.DEBUG)
        created = await http.post(
            "/v1/api-keys",
            json={"name": "sync", "roles": ["editor"]},
            headers=await auth_headers(http, town.admin_email),
        )
        key = created.json()["key"]
        await http.get("/v1/products", headers=bearer(key))
        await http.get("/v1/me", headers={"X-API-Key": key + "x"})

        secret = key.split("_", 2)[2]
        logged = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
        assert secret not in logged
