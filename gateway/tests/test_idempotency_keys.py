"""`Idempotency-Key` on writes forwarded to services: a retry reaches the service once."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from gateway import bootstrap
from gateway import jobs as gateway_jobs
from kit import jobs
from kit.errors import type_uri
from kit.runtime import ServiceRuntime

from .platform import Platform, platform, service_apps
from .support import PASSWORD, GatewayFactory, Town, auth_headers, unique

__all__ = ["platform", "service_apps"]


async def town_admin(runtime: ServiceRuntime, http: httpx.AsyncClient) -> dict[str, str]:
    slug = unique("town")
    tenant_id = await bootstrap.create_tenant(runtime.db, slug, {"en": slug})
    email = f"admin@{slug}.example"
    await bootstrap.create_user(runtime.db, tenant_id, email, PASSWORD, ["admin"])
    return await auth_headers(http, email)


async def new_producer(http: httpx.AsyncClient, admin: dict[str, str]) -> str:
    response = await http.post(
        "/v1/producers", json={"kind": "farm", "name": {"ja": "農園"}}, headers=admin
    )
    assert response.status_code == 201, response.text
    producer_id: str = response.json()["id"]
    return producer_id


def product(producer_id: str, slug: str = "black-garlic") -> dict[str, Any]:
    return {
        "producer_id": producer_id,
        "slug": slug,
        "name": {"ja": "黒にんにく"},
        "variants": [{"sku": f"{slug}-1", "unit": "g", "quantity": 200, "price_amount": 1980}],
    }


async def product_count(http: httpx.AsyncClient, admin: dict[str, str]) -> int:
    listed = await http.get("/v1/products", headers=admin)
    assert listed.status_code == 200, listed.text
    return len(listed.json()["items"])


class TestWithTheCatalog:
    async def test_the_same_post_twice_under_one_key_creates_one_product(
        self, platform: Platform, runtime: ServiceRuntime
    ) -> None:
        http = platform.http
        admin = await town_admin(runtime, http)
        body = product(await new_producer(http, admin))
        headers = {**admin, "Idempotency-Key": "create-garlic"}

        first = await http.post("/v1/products", json=body, headers=headers)
        second = await http.post("/v1/products", json=body, headers=headers)

        assert (first.status_code, second.status_code) == (201, 201)
        assert second.json() == first.json()
        assert second.headers["content-type"] == first.headers["content-type"]
        assert second.headers["idempotent-replayed"] == "true"
        assert "idempotent-replayed" not in first.headers
        assert await product_count(http, admin) == 1

    async def test_the_same_key_for_another_body_is_refused(
        self, platform: Platform, runtime: ServiceRuntime
    ) -> None:
        http = platform.http
        admin = await town_admin(runtime, http)
        producer = await new_producer(http, admin)
        headers = {**admin, "Idempotency-Key": "k"}
        await http.post("/v1/products", json=product(producer, "garlic"), headers=headers)

        reused = await http.post("/v1/products", json=product(producer, "tofu"), headers=headers)

        assert reused.status_code == 422
        assert reused.headers["content-type"] == "application/problem+json"
        assert reused.json()["type"] == type_uri("idempotency-key-reused")
        assert await product_count(http, admin) == 1

    async def test_keys_belong_to_their_caller(
        self, platform: Platform, runtime: ServiceRuntime
    ) -> None:
        http = platform.http
        one, other = await town_admin(runtime, http), await town_admin(runtime, http)
        key = {"Idempotency-Key": "same-key"}

        for admin in (one, other):
            body = product(await new_producer(http, admin))
            response = await http.post("/v1/products", json=body, headers={**admin, **key})
            assert response.status_code == 201
            assert "idempotent-replayed" not in response.headers

    async def test_without_a_key_each_post_is_its_own_write(
        self, platform: Platform, runtime: ServiceRuntime
    ) -> None:
        http = platform.http
        admin = await town_admin(runtime, http)
        producer = await new_producer(http, admin)

        for slug in ("garlic", "tofu"):
            response = await http.post("/v1/products", json=product(producer, slug), headers=admin)
            assert response.status_code == 201

        assert await product_count(http, admin) == 2


class Gate:
    """A stand-in catalog whose writes wait for `open`, answering `status` (then 201)."""

    def __init__(self) -> None:
        self.calls = 0
        self.entered = asyncio.Event()
        self.open = asyncio.Event()
        self.statuses = [201]
        self.app = FastAPI()

        @self.app.api_route("/v1/products", methods=["POST", "PUT", "PATCH", "DELETE"])
        async def write(request: Request) -> JSONResponse:
            self.calls += 1
            self.entered.set()
            await self.open.wait()
            status = self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0]
            return JSONResponse(
                {"call": self.calls, "body": (await request.body()).decode()}, status
            )

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url="http://c")


@pytest.fixture
async def gated(gateway_with: GatewayFactory) -> tuple[httpx.AsyncClient, Gate]:
    gate = Gate()
    return await gateway_with({"catalog": gate.client()}), gate


async def test_a_twin_of_a_running_request_is_a_conflict(
    gated: tuple[httpx.AsyncClient, Gate], town: Town
) -> None:
    http, gate = gated
    headers = {**await auth_headers(http, town.admin_email), "Idempotency-Key": "twin"}
    first = asyncio.create_task(http.post("/v1/products", json={"a": 1}, headers=headers))
    await asyncio.wait_for(gate.entered.wait(), 30)  # a starved machine is slow, not wrong

    twin = await http.post("/v1/products", json={"a": 1}, headers=headers)
    gate.open.set()

    assert twin.status_code == 409
    assert twin.json()["type"] == type_uri("idempotency-key-in-flight")
    assert (await first).status_code == 201
    assert gate.calls == 1


async def test_a_server_error_frees_the_key_for_a_retry(
    gated: tuple[httpx.AsyncClient, Gate], town: Town
) -> None:
    http, gate = gated
    gate.open.set()
    gate.statuses = [500, 201]
    headers = {**await auth_headers(http, town.admin_email), "Idempotency-Key": "retry-me"}

    failed = await http.post("/v1/products", json={"a": 1}, headers=headers)
    retried = await http.post("/v1/products", json={"a": 1}, headers=headers)
    replayed = await http.post("/v1/products", json={"a": 1}, headers=headers)

    assert (failed.status_code, retried.status_code, replayed.status_code) == (500, 201, 201)
    assert replayed.json() == retried.json() == {"call": 2, "body": '{"a":1}'}
    assert gate.calls == 2


async def test_a_client_error_is_replayed_too(
    gated: tuple[httpx.AsyncClient, Gate], town: Town
) -> None:
    http, gate = gated
    gate.open.set()
    gate.statuses = [409, 201]
    headers = {**await auth_headers(http, town.admin_email), "Idempotency-Key": "conflicted"}

    answers = [await http.post("/v1/products", json={}, headers=headers) for _ in range(2)]

    assert [a.status_code for a in answers] == [409, 409]
    assert gate.calls == 1


async def test_another_method_under_the_same_key_is_another_request(
    gated: tuple[httpx.AsyncClient, Gate], town: Town
) -> None:
    http, gate = gated
    gate.open.set()
    headers = {**await auth_headers(http, town.admin_email), "Idempotency-Key": "k"}

    await http.post("/v1/products", json={}, headers=headers)
    again = await http.put("/v1/products", json={}, headers=headers)

    assert again.status_code == 422  # another method under the same key is another request
    assert gate.calls == 1


async def test_the_purge_job_forgets_keys_past_a_day(
    runtime: ServiceRuntime, gated: tuple[httpx.AsyncClient, Gate], town: Town
) -> None:
    http, gate = gated
    gate.open.set()
    key = f"old-{uuid.uuid4()}"
    headers = {**await auth_headers(http, town.admin_email), "Idempotency-Key": key}
    await http.post("/v1/products", json={}, headers=headers)
    async with runtime.db.transaction() as session:
        await session.execute(
            text(
                "UPDATE idempotency_keys SET created_at = now() - interval '25 hours'"
                " WHERE key = :k"
            ),
            {"k": key},
        )

    ran = await jobs.run_once(runtime.db, "gateway", gateway_jobs.idempotency_purge_job(runtime.db))

    assert ran
    async with runtime.db.transaction() as session:
        left = await session.execute(
            text("SELECT count(*) FROM idempotency_keys WHERE key = :k"), {"k": key}
        )
        assert left.scalar_one() == 0
