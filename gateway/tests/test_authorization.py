"""The gateway's own routes follow kit.policy: an API key reaches them only with its scope, and
nobody (key or user) grants more than they hold."""

from typing import get_args

import httpx
from sqlalchemy import text

from gateway.schemas import ROLES, Role, Scope
from kit import policy
from kit.errors import type_uri
from kit.runtime import ServiceRuntime

from .support import PASSWORD, Town, auth_headers, bearer, unique


async def make_key(
    http: httpx.AsyncClient, headers: dict[str, str], roles: list[str], scopes: list[str]
) -> httpx.Response:
    return await http.post(
        "/v1/api-keys",
        json={"name": unique("key"), "roles": roles, "scopes": scopes},
        headers=headers,
    )


async def key_of(http: httpx.AsyncClient, town: Town, roles: list[str], scopes: list[str]) -> dict:
    created = await make_key(http, await auth_headers(http, town.admin_email), roles, scopes)
    assert created.status_code == 201, created.text
    return bearer(created.json()["key"])


async def users_named(runtime: ServiceRuntime, email: str) -> int:
    async with runtime.db.transaction() as session:
        found = await session.execute(
            text("SELECT count(*) FROM users WHERE email = :e"), {"e": email}
        )
        return int(found.scalar_one())


def user(town: Town, roles: list[str]) -> tuple[str, dict]:
    email = f"{unique('u')}@{town.slug}.example"
    return email, {"email": email, "password": PASSWORD, "roles": roles}


def test_the_gateway_speaks_the_policy_vocabulary() -> None:
    assert ROLES == policy.ROLES == frozenset(get_args(Role))
    assert frozenset(get_args(Scope)) == policy.SCOPES


class TestScopesOnTheGatewaysOwnRoutes:
    async def test_an_analytics_reader_admin_key_cannot_create_a_user(
        self, http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
    ) -> None:
        key = await key_of(http, town, ["admin"], ["analytics:read"])
        email, body = user(town, ["admin"])

        response = await http.post("/v1/users", json=body, headers=key)

        assert response.status_code == 403, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["type"] == type_uri("insufficient-scope")
        assert await users_named(runtime, email) == 0

    async def test_a_reader_key_neither_invites_nor_makes_keys(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        key = await key_of(http, town, ["admin"], ["catalog:read", "gateway:read"])
        invited = await http.post(
            "/v1/invitations",
            json={"email": f"x@{town.slug}.example", "roles": ["writer"]},
            headers=key,
        )
        made = await make_key(http, key, ["admin"], ["catalog:read"])
        listed = await http.get("/v1/api-keys", headers=key)

        assert [invited.status_code, made.status_code] == [403, 403]
        assert {invited.json()["type"], made.json()["type"]} == {type_uri("insufficient-scope")}
        assert listed.status_code == 200

    async def test_any_key_may_ask_who_it_is(self, http: httpx.AsyncClient, town: Town) -> None:
        key = await key_of(http, town, ["analyst"], ["analytics:read"])
        assert (await http.get("/v1/me", headers=key)).status_code == 200


class TestNobodyGrantsMoreThanTheyHold:
    async def test_a_key_makes_keys_within_its_own_roles_and_scopes(
        self, http: httpx.AsyncClient, town: Town
    ) -> None:
        key = await key_of(http, town, ["admin"], ["gateway:write", "catalog:read"])

        wider = await make_key(http, key, ["admin"], ["catalog:write"])
        everything = await make_key(http, key, ["admin"], ["*"])
        other_role = await make_key(http, key, ["editor"], ["catalog:read"])
        narrower = await make_key(http, key, ["admin"], ["catalog:read"])

        assert [wider.status_code, everything.status_code, other_role.status_code] == [403] * 3
        assert narrower.status_code == 201, narrower.text
        assert narrower.json()["scopes"] == ["catalog:read"]

    async def test_a_scoped_key_adds_no_user_since_a_user_holds_every_scope(
        self, http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
    ) -> None:
        scoped = await key_of(http, town, ["admin"], ["gateway:write"])
        unrestricted = await key_of(http, town, ["admin"], ["*"])
        refused_email, refused = user(town, ["writer"])
        added_email, added = user(town, ["writer"])

        response = await http.post("/v1/users", json=refused, headers=scoped)
        created = await http.post("/v1/users", json=added, headers=unrestricted)

        assert response.status_code == 403
        assert created.status_code == 201, created.text
        assert await users_named(runtime, refused_email) == 0
        assert await users_named(runtime, added_email) == 1

    async def test_only_admins_and_operators_manage_users_and_keys(
        self, http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
    ) -> None:
        from gateway import bootstrap

        editor_email = f"editor@{town.slug}.example"
        await bootstrap.create_user(runtime.db, town.id, editor_email, PASSWORD, ["editor"])
        editor = await auth_headers(http, editor_email)
        email, body = user(town, ["writer"])

        responses = [
            await http.post("/v1/users", json=body, headers=editor),
            await make_key(http, editor, ["editor"], ["*"]),
            await http.get("/v1/api-keys", headers=editor),
        ]

        assert [r.status_code for r in responses] == [403, 403, 403]
        assert {r.json()["type"] for r in responses} == {type_uri("forbidden")}
        assert await users_named(runtime, email) == 0
