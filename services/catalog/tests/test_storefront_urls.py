"""Store URLs cannot aim the catalog at its own network (SSRF), when saved and when synced."""

import uuid
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from fastapi import FastAPI

from catalog.app import SERVICE, create_app
from catalog.settings import CatalogSettings
from kit.auth import InternalPrincipal, TokenSigner
from kit.outbound import OutboundPolicy
from kit.runtime import ServiceRuntime
from kit.testing.fakes import serve
from kit.testing.plugin import client, principal

from .fake_shopify import TOKEN, FakeShopify

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


@pytest.fixture
def guarded(
    runtime: ServiceRuntime, catalog_settings: CatalogSettings, signer: TokenSigner
) -> Client:
    """Clients of the catalog as deployed by default: private hosts refused."""
    app: FastAPI = create_app(runtime, catalog_settings)
    app.state.outbound = OutboundPolicy(allow_private=False)
    return lambda who: client(app, signer, SERVICE, who)


@pytest.fixture
async def shop() -> AsyncIterator[tuple[FakeShopify, str]]:
    fake = FakeShopify()
    async with serve(fake.app) as base_url:
        yield fake, base_url


def shopify(base_url: str) -> dict:
    return {
        "kind": "shopify",
        "name": "Shop",
        "api_base_url": base_url,
        "credentials": {"access_token": TOKEN},
    }


def generic(template: str) -> dict:
    return {"kind": "generic", "name": "Store", "item_url_template": template}


@pytest.mark.parametrize(
    "body",
    [
        shopify("http://127.0.0.1:8080"),
        shopify("http://localhost:5432"),
        shopify("http://169.254.169.254/latest/meta-data"),  # cloud metadata
        shopify("http://10.0.0.7"),
        shopify("http://[::1]:8000"),
        shopify("http://[::ffff:127.0.0.1]"),
        shopify("http://100.64.0.1"),  # shared address space (CGNAT)
        generic("http://192.168.1.10/items/{item}"),
        generic("file:///etc/passwd?{item}"),
        generic("gopher://store.example/{item}"),
        generic("https://user:secret@store.example/{item}"),
    ],
)
async def test_a_store_url_aiming_inside_is_refused(guarded: Client, body: dict) -> None:
    response = await guarded(principal(uuid.uuid4())).post("/v1/storefronts", json=body)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["type"] == "url-refused"


async def test_public_store_urls_are_accepted(guarded: Client) -> None:
    http = guarded(principal(uuid.uuid4()))
    template = "https://store.shopping.yahoo.co.jp/{store}/{item}.html"
    body = {**generic(template), "store": "takeo"}
    assert (await http.post("/v1/storefronts", json=body)).status_code == 201
    public_ip = shopify("https://93.184.215.14")
    assert (await http.post("/v1/storefronts", json=public_ip)).status_code == 201


async def test_a_sync_never_connects_to_a_private_address(
    as_user: Client, guarded: Client, shop: tuple[FakeShopify, str]
) -> None:
    fake, base_url = shop
    tenant = uuid.uuid4()
    # Saved while private hosts were allowed (or a name that later resolves inside).
    store = (
        await as_user(principal(tenant)).post("/v1/storefronts", json=shopify(base_url))
    ).json()
    response = await guarded(principal(tenant)).post(f"/v1/storefronts/{store['id']}/sync")
    assert response.status_code == 400, response.text
    assert response.json()["type"] == "url-refused"
    assert fake.calls == []  # refused before connecting


async def test_loopback_fakes_work_when_private_hosts_are_allowed(
    as_user: Client, shop: tuple[FakeShopify, str]
) -> None:
    _, base_url = shop
    http = as_user(principal(uuid.uuid4()))
    store = (await http.post("/v1/storefronts", json=shopify(base_url))).json()
    assert (await http.post(f"/v1/storefronts/{store['id']}/sync")).status_code == 200
