import uuid

import httpx
import pytest

from gateway import bootstrap
from gateway.errors import EmailTaken
from kit.errors import type_uri
from kit.runtime import ServiceRuntime

from .support import PASSWORD, Town, auth_headers, login, unique


class TestTenants:
    async def test_operator_creates_a_tenant_with_default_quotas(
        self, http: httpx.AsyncClient, operator_email: str
    ) -> None:
        operator = await auth_headers(http, operator_email)
        slug = unique("ureshino")

        response = await http.post(
            "/v1/tenants",
            json={"slug": slug, "name": {"ja": "嬉野市"}, "population": 26_000},
            headers=operator,
        )

        assert response.status_code == 201, response.text
        body = response.json()
        assert (body["slug"], body["plan"], body["status"]) == (slug, "town", "active")
        assert body["timezone"] == "Asia/Tokyo"
        assert body["limits"] == {}
        assert body["effective_limits"]["active_products"] == 1_000
        fetched = await http.get(f"/v1/tenants/{body['id']}", headers=operator)
        assert fetched.json() == {k: v for k, v in body.items() if k != "playbook"}

    async def test_duplicate_slug_is_409(
        self, http: httpx.AsyncClient, operator_email: str, town: Town
    ) -> None:
        response = await http.post(
            "/v1/tenants",
            json={"slug": town.slug, "name": {"en": "Again"}},
            headers=await auth_headers(http, operator_email),
        )
        assert response.status_code == 409
        assert response.json()["type"] == type_uri("slug-taken")

    async def test_tenant_admin_cannot_create_tenants(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        response = await http.post(
            "/v1/tenants",
            json={"slug": unique("x"), "name": {"en": "X"}},
            headers=await auth_headers(http, town.admin_email),
        )
        assert response.status_code == 403

    async def test_unknown_timezone_is_422(
        self, http: httpx.AsyncClient, operator_email: str
    ) -> None:
        response = await http.post(
            "/v1/tenants",
            json={"slug": unique("x"), "name": {"en": "X"}, "timezone": "Mars/Olympus"},
            headers=await auth_headers(http, operator_email),
        )
        assert response.status_code == 422

    async def test_member_reads_own_tenant(self, http: httpx.AsyncClient, town: Town) -> None:
        response = await http.get(
            f"/v1/tenants/{town.id}", headers=await auth_headers(http, town.admin_email)
        )
        assert response.status_code == 200
        assert response.json()["slug"] == town.slug

    async def test_other_tenants_id_is_404(
        self, http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
    ) -> None:
        other_slug = unique("ureshino")
        other = await bootstrap.create_tenant(runtime.db, other_slug, "Ureshino")
        email = f"admin@{other_slug}.example"
        await bootstrap.create_user(runtime.db, other, email, PASSWORD, ["admin"])
        headers = await auth_headers(http, email)

        theirs = await http.get(f"/v1/tenants/{town.id}", headers=headers)
        missing = await http.get(f"/v1/tenants/{uuid.uuid4()}", headers=headers)

        assert theirs.status_code == missing.status_code == 404
        assert theirs.json()["type"] == type_uri("not-found")


class TestUsers:
    async def test_admin_adds_a_user_who_can_log_in(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        producer = uuid.uuid4()
        email = f"Farmer@{town.slug}.example"
        response = await http.post(
            "/v1/users",
            json={
                "email": email,
                "password": PASSWORD,
                "roles": ["producer"],
                "producer_ids": [str(producer)],
            },
            headers=await auth_headers(http, town.admin_email),
        )
        assert response.status_code == 201, response.text
        assert response.json()["email"] == email.lower()
        assert response.json()["tenant_id"] == str(town.id)
        assert "password" not in response.text

        me = await http.get("/v1/me", headers=await auth_headers(http, email.lower()))
        assert me.json()["roles"] == ["producer"]
        assert me.json()["producer_ids"] == [str(producer)]

    async def test_admin_cannot_grant_operator(self, http: httpx.AsyncClient, town: Town) -> None:
        response = await http.post(
            "/v1/users",
            json={"email": f"x@{town.slug}.example", "password": PASSWORD, "roles": ["operator"]},
            headers=await auth_headers(http, town.admin_email),
        )
        assert response.status_code == 403

    async def test_admin_cannot_add_users_to_another_tenant(
        self, http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
    ) -> None:
        other = await bootstrap.create_tenant(runtime.db, unique("kashima"), "Kashima")
        response = await http.post(
            "/v1/users",
            json={
                "email": f"x@{town.slug}.example",
                "password": PASSWORD,
                "roles": ["writer"],
                "tenant_id": str(other),
            },
            headers=await auth_headers(http, town.admin_email),
        )
        assert response.status_code == 404

    async def test_operator_adds_a_user_to_a_tenant(
        self, http: httpx.AsyncClient, town: Town, operator_email: str
    ) -> None:
        response = await http.post(
            "/v1/users",
            json={
                "email": f"analyst@{town.slug}.example",
                "password": PASSWORD,
                "roles": ["analyst"],
                "tenant_id": str(town.id),
            },
            headers=await auth_headers(http, operator_email),
        )
        assert response.status_code == 201, response.text
        assert response.json()["tenant_id"] == str(town.id)

    async def test_duplicate_email_is_409(self, http: httpx.AsyncClient, town: Town) -> None:
        response = await http.post(
            "/v1/users",
            json={"email": town.admin_email, "password": PASSWORD, "roles": ["writer"]},
            headers=await auth_headers(http, town.admin_email),
        )
        assert response.status_code == 409
        assert response.json()["type"] == type_uri("email-taken")

    async def test_short_password_is_422(self, http: httpx.AsyncClient, town: Town) -> None:
        response = await http.post(
            "/v1/users",
            json={"email": f"y@{town.slug}.example", "password": "short", "roles": ["writer"]},
            headers=await auth_headers(http, town.admin_email),
        )
        assert response.status_code == 422


class TestBootstrap:
    async def test_create_operator_is_idempotent_and_resets_the_password(
        self, http: httpx.AsyncClient, runtime: ServiceRuntime
    ) -> None:
        email = f"{unique('op')}@machi.example"
        first = await bootstrap.create_operator(runtime.db, email, "first password")
        again = await bootstrap.create_operator(runtime.db, email.upper(), "second password")

        assert again == first
        tokens = await login(http, email, "second password")
        me = await http.get("/v1/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
        assert me.json()["roles"] == ["operator"]
        assert me.json()["tenant_id"] is None

    async def test_create_tenant_and_user_are_idempotent(self, runtime: ServiceRuntime) -> None:
        slug = unique("takeo")
        tenant = await bootstrap.create_tenant(runtime.db, slug, {"ja": "武雄市"})
        assert await bootstrap.create_tenant(runtime.db, slug, {"ja": "武雄市"}) == tenant
        email = f"a@{slug}.example"
        user = await bootstrap.create_user(runtime.db, tenant, email, PASSWORD, ["admin"])
        assert await bootstrap.create_user(runtime.db, tenant, email, PASSWORD, ["admin"]) == user

    async def test_create_user_refuses_an_email_of_another_tenant(
        self, runtime: ServiceRuntime, town: Town
    ) -> None:
        other = await bootstrap.create_tenant(runtime.db, unique("kashima"), "Kashima")
        with pytest.raises(EmailTaken):
            await bootstrap.create_user(runtime.db, other, town.admin_email, PASSWORD, ["admin"])
