import httpx
import pytest
from sqlalchemy import text

from gateway.authn import API_AUDIENCE
from kit.auth import TokenSigner, TokenVerifier
from kit.errors import Unauthorized, type_uri
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

from .support import PASSWORD, Town, auth_headers, bearer, login


class TestLogin:
    async def test_login_returns_tokens_and_me_shows_the_principal(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        tokens = await login(http, town.admin_email)
        assert tokens["token_type"] == "bearer"
        assert tokens["expires_in"] == 900
        assert tokens["refresh_token"]

        me = await http.get("/v1/me", headers=bearer(tokens["access_token"]))

        assert me.status_code == 200, me.text
        body = me.json()
        assert body["kind"] == "user"
        assert body["sub"] == body["user_id"]
        assert body["email"] == town.admin_email
        assert body["tenant_id"] == str(town.id)
        assert body["roles"] == ["admin"]
        # The plan's quotas ("town"), with the tenant's own override on top.
        assert body["limits"]["active_products"] == 100
        assert body["limits"]["staff_users"] == 50
        assert "insights" in body["features"]

    async def test_email_is_matched_case_insensitively(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        response = await http.post(
            "/v1/auth/token", json={"email": town.admin_email.upper(), "password": PASSWORD}
        )
        assert response.status_code == 200

    async def test_login_accepts_the_oauth2_password_form(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        response = await http.post(
            "/v1/auth/token",
            data={"grant_type": "password", "username": town.admin_email, "password": PASSWORD},
        )
        assert response.status_code == 200, response.text
        assert response.json()["access_token"]

    async def test_wrong_password_is_401_invalid_credentials(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        response = await http.post(
            "/v1/auth/token", json={"email": town.admin_email, "password": "wrong password"}
        )
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"] == type_uri("invalid-credentials")

    async def test_unknown_email_gets_the_same_answer_as_a_wrong_password(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        wrong = await http.post(
            "/v1/auth/token", json={"email": town.admin_email, "password": "wrong password"}
        )
        unknown = await http.post(
            "/v1/auth/token", json={"email": "nobody@nowhere.example", "password": "x"}
        )
        assert unknown.status_code == wrong.status_code == 401
        assert unknown.json()["type"] == wrong.json()["type"]
        assert unknown.json()["detail"] == wrong.json()["detail"]

    async def test_malformed_login_body_is_422(self, http: httpx.AsyncClient) -> None:
        response = await http.post("/v1/auth/token", json={"email": "not-an-email"})
        assert response.status_code == 422
        assert response.json()["type"] == type_uri("validation-error")


class TestAccessTokens:
    async def test_access_token_is_for_the_external_audience_only(
        self, http: httpx.AsyncClient, town: Town, signer: TokenSigner
    ) -> None:
        token = (await login(http, town.admin_email))["access_token"]
        external = TokenVerifier(API_AUDIENCE, issuer=signer.issuer, jwks=signer.jwks())
        assert (await external.verify(token)).tenant_id == town.id
        catalog = TokenVerifier("catalog", issuer=signer.issuer, jwks=signer.jwks())
        with pytest.raises(Unauthorized, match=r"(?i)audience"):
            await catalog.verify(token)

    async def test_internal_token_is_refused_by_the_gateway(
        self, http: httpx.AsyncClient, town: Town, signer: TokenSigner
    ) -> None:
        internal = signer.mint(principal(town.id), "catalog")
        response = await http.get("/v1/me", headers=bearer(internal))
        assert response.status_code == 401

    async def test_missing_credentials_are_401_with_www_authenticate(
        self, http: httpx.AsyncClient
    ) -> None:
        response = await http.get("/v1/me")
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.headers["content-type"] == "application/problem+json"


class TestRefresh:
    async def test_refresh_rotates_the_token(self, http: httpx.AsyncClient, town: Town) -> None:
        first = await login(http, town.admin_email)

        response = await http.post(
            "/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}
        )

        assert response.status_code == 200, response.text
        second = response.json()
        assert second["refresh_token"] != first["refresh_token"]
        me = await http.get("/v1/me", headers=bearer(second["access_token"]))
        assert me.status_code == 200

    async def test_reusing_a_spent_refresh_token_revokes_the_family(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        first = await login(http, town.admin_email)
        rotated = await http.post(
            "/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}
        )
        latest = rotated.json()["refresh_token"]

        replay = await http.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
        assert replay.status_code == 401
        assert replay.json()["type"] == type_uri("invalid-refresh-token")

        # The legitimate holder's newest token died with its family.
        after = await http.post("/v1/auth/refresh", json={"refresh_token": latest})
        assert after.status_code == 401

    async def test_reuse_does_not_touch_other_logins(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        stolen = await login(http, town.admin_email)
        other = await login(http, town.admin_email)
        await http.post("/v1/auth/refresh", json={"refresh_token": stolen["refresh_token"]})
        await http.post("/v1/auth/refresh", json={"refresh_token": stolen["refresh_token"]})

        response = await http.post(
            "/v1/auth/refresh", json={"refresh_token": other["refresh_token"]}
        )
        assert response.status_code == 200

    async def test_refresh_tokens_are_stored_hashed(
        self, http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
    ) -> None:
        token = (await login(http, town.admin_email))["refresh_token"]
        async with runtime.db.transaction() as session:
            rows = (await session.execute(text("SELECT token_hash FROM refresh_tokens"))).all()
        assert all(token not in row.token_hash for row in rows)

    async def test_unknown_refresh_token_is_401(self, http: httpx.AsyncClient) -> None:
        response = await http.post("/v1/auth/refresh", json={"refresh_token": "made-up"})
        assert response.status_code == 401


class TestSuspendedTenant:
    async def test_users_of_a_suspended_tenant_get_403(
        self, http: httpx.AsyncClient, town: Town, operator_email: str
    ) -> None:
        admin = await auth_headers(http, town.admin_email)
        operator = await auth_headers(http, operator_email)

        suspend = await http.patch(
            f"/v1/tenants/{town.id}", json={"status": "suspended"}, headers=operator
        )
        assert suspend.status_code == 200, suspend.text

        # A token minted before the suspension stops working at once.
        me = await http.get("/v1/me", headers=admin)
        assert me.status_code == 403
        assert me.json()["type"] == type_uri("tenant-suspended")
        relogin = await http.post(
            "/v1/auth/token", json={"email": town.admin_email, "password": PASSWORD}
        )
        assert relogin.status_code == 403
        assert relogin.json()["type"] == type_uri("tenant-suspended")

    async def test_reactivated_tenant_works_again(
        self, http: httpx.AsyncClient, town: Town, operator_email: str
    ) -> None:
        operator = await auth_headers(http, operator_email)
        admin = await auth_headers(http, town.admin_email)
        for status in ("suspended", "active"):
            await http.patch(f"/v1/tenants/{town.id}", json={"status": status}, headers=operator)
        assert (await http.get("/v1/me", headers=admin)).status_code == 200


async def test_token_of_a_deleted_user_is_401(
    http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
) -> None:
    headers = await auth_headers(http, town.admin_email)
    async with runtime.db.transaction() as session:
        await session.execute(text("DELETE FROM users WHERE email = :e"), {"e": town.admin_email})
    assert (await http.get("/v1/me", headers=headers)).status_code == 401
