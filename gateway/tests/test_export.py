"""`GET /v1/tenants/{id}/export`: every row of one tenant, from the gateway and every service,
as one NDJSON document; no secret in it; no other tenant's row; no partial export."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Response

from analytics.handlers import on_tenant_created
from contracts.gateway import TenantCreatedV1
from gateway import bootstrap
from kit import export
from kit.errors import type_uri
from kit.events import consumer
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery

from .platform import LONG_TIMEOUT, Platform, platform, service_apps, upstreams
from .support import PASSWORD, GatewayFactory, auth_headers, unique

__all__ = ["platform", "service_apps"]

CHANNEL_TOKEN = "EAAB-page-token-never-exported"
STORE_TOKEN = "shpat_store_token_never_exported"
WEBHOOK_SECRET = "whsec_never_exported"


@dataclass
class Seeded:
    """A town with a product, a storefront, a channel, a link, an API key and a webhook secret."""

    tenant_id: uuid.UUID
    product_id: str
    channel_id: str
    link_id: str
    api_key: str


async def seed_town(runtime: ServiceRuntime, platform: Platform) -> Seeded:
    http = platform.http
    slug = unique("town")
    store = "takeo.myshopify.com"
    tenant_id = await bootstrap.create_tenant(
        runtime.db, slug, {"ja": slug, "en": slug}, allowed_store_domains=[store]
    )
    # No broker here: analytics hears of the tenant (its store domain) as the relay would tell it.
    created = TenantCreatedV1(
        slug=slug, name={"en": slug}, timezone="Asia/Tokyo", allowed_store_domains=[store]
    )
    analytics_db = platform.apps["analytics"].state.db
    assert await consumer.handle(on_tenant_created, analytics_db, delivery(created, tenant_id))
    email = f"admin@{slug}.example"
    await bootstrap.create_user(runtime.db, tenant_id, email, PASSWORD, ["admin"])
    admin = await auth_headers(http, email)

    async def made(path: str, body: dict[str, Any], expected: int = 201) -> dict[str, Any]:
        response = await http.post(path, json=body, headers=admin)
        assert response.status_code == expected, response.text
        answer: dict[str, Any] = response.json()
        return answer

    producer = await made("/v1/producers", {"kind": "farm", "name": {"ja": f"{slug} farm"}})
    product = await made(
        "/v1/products",
        {
            "producer_id": producer["id"],
            "slug": "black-garlic",
            "name": {"ja": f"{slug} garlic"},
            "variants": [{"sku": f"{slug}-200g", "unit": "g", "quantity": 200, "price_amount": 1}],
        },
    )
    await made(
        "/v1/storefronts",
        {
            "kind": "shopify",
            "name": "Shop",
            "api_base_url": "https://takeo.myshopify.com",
            "credentials": {"access_token": STORE_TOKEN},
        },
    )
    channel = await made(
        "/v1/channels",
        {
            "platform": "facebook_page",
            "name": f"{slug} page",
            "external_id": "1001",
            "credentials": {"access_token": CHANNEL_TOKEN},
        },
    )
    secret = await http.put(
        "/v1/settings/webhooks/shopify", json={"secret": WEBHOOK_SECRET}, headers=admin
    )
    assert secret.status_code == 204, secret.text
    link = await made("/v1/links", {"destination": "https://takeo.myshopify.com/products/garlic"})
    key = await made("/v1/api-keys", {"name": "pos", "roles": ["editor"]})
    return Seeded(tenant_id, product["id"], channel["id"], link["id"], key["key"])


def rows(document: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in document.splitlines()]


def ids(lines: list[dict[str, Any]], service_: str, table: str) -> set[str]:
    return {
        str(x["row"].get("id"))
        for x in lines
        if x.get("service") == service_ and x.get("table") == table
    }


@pytest.fixture
async def operator(platform: Platform, operator_email: str) -> dict[str, str]:
    return await auth_headers(platform.http, operator_email)


async def test_export_holds_the_towns_rows_of_every_service_and_no_other_towns(
    platform: Platform, runtime: ServiceRuntime, operator: dict[str, str]
) -> None:
    mine = await seed_town(runtime, platform)
    theirs = await seed_town(runtime, platform)

    response = await platform.http.get(f"/v1/tenants/{mine.tenant_id}/export", headers=operator)

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/x-ndjson"
    lines = rows(response.text)
    header, body, end = lines[0]["export"], lines[1:-1], lines[-1]["end"]
    assert header["tenant_id"] == str(mine.tenant_id)
    assert header["services"] == ["gateway", "catalog", "publisher", "analytics"]
    assert ids(body, "catalog", "products") == {mine.product_id}
    assert ids(body, "publisher", "channels") == {mine.channel_id}
    assert ids(body, "analytics", "links") == {mine.link_id}
    assert ids(body, "gateway", "tenants") == {str(mine.tenant_id)}
    owners = {x["row"]["tenant_id"] for x in body if x["table"] not in ("tenants", "plans")}
    assert owners == {str(mine.tenant_id)}
    assert str(theirs.tenant_id) not in response.text
    assert sum(end["rows"].values()) == len(body)


async def test_export_carries_no_secret(
    platform: Platform, runtime: ServiceRuntime, operator: dict[str, str]
) -> None:
    town = await seed_town(runtime, platform)

    response = await platform.http.get(f"/v1/tenants/{town.tenant_id}/export", headers=operator)

    assert response.status_code == 200
    secrets = [CHANNEL_TOKEN, STORE_TOKEN, WEBHOOK_SECRET, PASSWORD, town.api_key]
    assert [s for s in secrets if s in response.text] == []
    lines = rows(response.text)
    columns = {k for x in lines[1:-1] for k in x["row"]}
    assert not columns & {"password_hash", "key_hash", "token_hash", "credentials"}
    assert not {c for c in columns if c.endswith("_secret")}


async def test_only_the_operator_exports(platform: Platform, runtime: ServiceRuntime) -> None:
    town = await seed_town(runtime, platform)
    key = {"X-API-Key": town.api_key}

    response = await platform.http.get(f"/v1/tenants/{town.tenant_id}/export", headers=key)

    assert response.status_code == 403


async def test_export_of_an_unknown_tenant_is_404(
    platform: Platform, operator: dict[str, str]
) -> None:
    response = await platform.http.get(f"/v1/tenants/{uuid.uuid4()}/export", headers=operator)

    assert response.status_code == 404


async def test_a_service_down_fails_the_export_before_any_row(
    gateway_with: GatewayFactory,
    service_apps: dict[str, FastAPI],
    runtime: ServiceRuntime,
    operator_email: str,
) -> None:
    http = await gateway_with(upstreams(service_apps, "publisher"), settings=LONG_TIMEOUT)
    tenant_id = await bootstrap.create_tenant(runtime.db, unique("town"), {"en": "Town"})

    response = await http.get(
        f"/v1/tenants/{tenant_id}/export", headers=await auth_headers(http, operator_email)
    )

    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == type_uri("export-unavailable")
    assert "publisher" in response.json()["detail"]


async def test_the_services_refuse_an_export_to_anyone_but_the_gateway(
    platform: Platform, runtime: ServiceRuntime
) -> None:
    town = await seed_town(runtime, platform)

    response = await platform.http.get("/internal/v1/export", headers={"X-API-Key": town.api_key})

    assert response.status_code == 404  # the gateway routes no /internal path


def export_standin(body: bytes) -> httpx.AsyncClient:
    """A service whose export answers 200 with `body`."""
    app = FastAPI()

    @app.get(export.PATH)
    async def part() -> Response:
        return Response(body, media_type=export.MEDIA_TYPE)

    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://s")


async def test_a_part_that_ends_mid_line_never_makes_a_whole_document(
    gateway_with: GatewayFactory, runtime: ServiceRuntime, operator_email: str
) -> None:
    whole = b'{"service": "x", "table": "t", "row": {}}\n'
    http = await gateway_with(
        {
            "catalog": export_standin(whole),
            "publisher": export_standin(whole),
            "analytics": export_standin(b'{"service": "analytics", "table": "links", "ro'),
        },
        settings=LONG_TIMEOUT,
    )
    tenant_id = await bootstrap.create_tenant(runtime.db, unique("town"), {"en": "Town"})
    operator = await auth_headers(http, operator_email)

    # In-process the broken stream surfaces as the app's error; over a socket the client sees
    # the transfer cut short. Either way there is no `end` line.
    with pytest.raises(RuntimeError, match="analytics ended mid-line"):
        await http.get(f"/v1/tenants/{tenant_id}/export", headers=operator)
