import httpx
from sqlalchemy import text

from gateway import bootstrap
from kit.errors import type_uri
from kit.runtime import ServiceRuntime

from .support import PASSWORD, Town, auth_headers, bearer, unique


async def create_key(
    http: httpx.AsyncClient, admin: dict[str, str], roles: list[str] | None = None
) -> dict[str, object]:
    response = await http.post(
        "/v1/api-keys",
        json={"name": "storefront sync", "roles": roles or ["editor"]},
        headers=admin,
    )
    assert response.status_code == 201, response.text
    created: dict[str, object] = response.json()
    return created


async def test_key_is_shown_once_and_listed_without_its_secret(
    http: httpx.AsyncClient, town: Town
) -> None:
    admin = await auth_headers(http, town.admin_email)
    created = await create_key(http, admin)
    key = str(created["key"])
    assert key.startswith(f"mk_{created['prefix']}_")
    assert len(str(created["prefix"])) == 8

    listed = await http.get("/v1/api-keys", headers=admin)

    assert listed.status_code == 200
    (item,) = listed.json()["items"]
    assert item["id"] == created["id"]
    assert "key" not in item
    assert key.split("_", 2)[2] not in listed.text


async def test_key_authenticates_as_bearer_and_as_x_api_key(
    http: httpx.AsyncClient, town: Town
) -> None:
    created = await create_key(http, await auth_headers(http, town.admin_email), ["analyst"])
    key = str(created["key"])

    for headers in (bearer(key), {"X-API-Key": key}):
        me = await http.get("/v1/me", headers=headers)
        assert me.status_code == 200, me.text
        assert me.json()["kind"] == "key"
        assert me.json()["sub"] == created["id"]
        assert me.json()["tenant_id"] == str(town.id)
        assert me.json()["roles"] == ["analyst"]


async def test_key_is_stored_as_a_hash_of_its_secret(
    http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
) -> None:
    created = await create_key(http, await auth_headers(http, town.admin_email))
    secret = str(created["key"]).split("_", 2)[2]
    async with runtime.db.transaction() as session:
        row = (
            await session.execute(
                text("SELECT * FROM api_keys WHERE id = :id"), {"id": created["id"]}
            )
        ).one()
    stored = " ".join(str(value) for value in row)
    assert secret not in stored
    assert len(row.key_hash) == 64


async def test_revoked_key_is_401(http: httpx.AsyncClient, town: Town) -> None:
    admin = await auth_headers(http, town.admin_email)
    created = await create_key(http, admin)
    revoked = await http.delete(f"/v1/api-keys/{created['id']}", headers=admin)
    assert revoked.status_code == 204

    response = await http.get("/v1/me", headers=bearer(str(created["key"])))

    assert response.status_code == 401
    assert response.json()["type"] == type_uri("invalid-api-key")


async def test_key_with_a_wrong_secret_is_401(http: httpx.AsyncClient, town: Town) -> None:
    created = await create_key(http, await auth_headers(http, town.admin_email))
    forged = f"mk_{created['prefix']}_{'A' * 43}"
    assert (await http.get("/v1/me", headers={"X-API-Key": forged})).status_code == 401


async def test_key_of_a_suspended_tenant_is_403(
    http: httpx.AsyncClient, town: Town, operator_email: str
) -> None:
    created = await create_key(http, await auth_headers(http, town.admin_email))
    operator = await auth_headers(http, operator_email)
    await http.patch(f"/v1/tenants/{town.id}", json={"status": "suspended"}, headers=operator)

    response = await http.get("/v1/me", headers=bearer(str(created["key"])))

    assert response.status_code == 403
    assert response.json()["type"] == type_uri("tenant-suspended")


async def test_only_tenant_admins_make_keys(
    http: httpx.AsyncClient, town: Town, operator_email: str
) -> None:
    admin = await auth_headers(http, town.admin_email)
    made = await http.post(
        "/v1/users",
        json={"email": f"writer@{town.slug}.example", "password": PASSWORD, "roles": ["writer"]},
        headers=admin,
    )
    assert made.status_code == 201, made.text
    writer = await auth_headers(http, f"writer@{town.slug}.example")
    for caller in (writer, await auth_headers(http, operator_email)):
        response = await http.post(
            "/v1/api-keys", json={"name": "x", "roles": ["writer"]}, headers=caller
        )
        assert response.status_code == 403


async def test_other_tenants_key_cannot_be_revoked(
    http: httpx.AsyncClient, town: Town, runtime: ServiceRuntime
) -> None:
    created = await create_key(http, await auth_headers(http, town.admin_email))
    other_slug = unique("ureshino")
    other = await bootstrap.create_tenant(runtime.db, other_slug, "Ureshino")
    email = f"admin@{other_slug}.example"
    await bootstrap.create_user(runtime.db, other, email, PASSWORD, ["admin"])

    response = await http.delete(
        f"/v1/api-keys/{created['id']}", headers=await auth_headers(http, email)
    )

    assert response.status_code == 404
    assert (await http.get("/v1/me", headers=bearer(str(created["key"])))).status_code == 200
