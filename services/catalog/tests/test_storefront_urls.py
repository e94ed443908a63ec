"""Store URLs cannot aim the catalog at its own network (SSRF), when saved and when synced."""

import uuid
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import RedirectResponse

from catalog.app import SERVICE, create_app
from catalog.settings import CatalogSettings
from kit.auth import InternalPrincipal, TokenSigner
from kit.errors import type_uri
from kit.outbound import OutboundPolicy
from kit.runtime import ServiceRuntime
from kit.testing.canary import SECRET, Canary, canary, resolve_inside
from kit.testing.fakes import serve
from kit.testing.platforms import SHOPIFY_TOKEN, FakeShopify
from kit.testing.plugin import client, principal

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


@pytest.fixture
async def trap() -> AsyncIterator[Canary]:
    async with canary() as found:
        yield found


@pytest.fixture
def guarded(
    runtime: ServiceRuntime, catalog_settings: CatalogSettings, signer: TokenSigner
) -> Client:
    """Clients of the catalog as deployed by default: private hosts refused."""
    app: FastAPI = create_app(runtime, catalog_settings)
    app.state.outbound = OutboundPolicy(resolver=resolve_inside)
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
        "credentials": {"access_token": SHOPIFY_TOKEN},
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
    assert response.json()["type"] == type_uri("url-refused")


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
    assert response.json()["type"] == type_uri("url-refused")
    assert fake.calls == []  # refused before connecting


async def test_loopback_fakes_work_when_private_hosts_are_allowed(
    as_user: Client, shop: tuple[FakeShopify, str]
) -> None:
    _, base_url = shop
    http = as_user(principal(uuid.uuid4()))
    store = (await http.post("/v1/storefronts", json=shopify(base_url))).json()
    assert (await http.post(f"/v1/storefronts/{store['id']}/sync")).status_code == 200


def aimed_at(port: int) -> list[str]:
    """Store URLs aiming inside; those with `port` would reach the canary if followed."""
    return [
        f"http://127.0.0.1:{port}",
        f"http://localhost:{port}",
        f"http://[::ffff:127.0.0.1]:{port}",
        f"http://0.0.0.0:{port}",
        f"http://inside.test:{port}",
        f"http://nat64.test:{port}",
        f"http://sixtofour.test:{port}",
        f"http://[64:ff9b::7f00:1]:{port}",
        f"http://[2002:7f00:1::]:{port}",
        "http://private.test",
        "http://meta.test",
        "http://192.168.0.1",
        "http://[fd00:ec2::254]",
        "http://[fe80::1]",
    ]


async def test_no_store_url_aiming_inside_is_saved_or_connected(
    guarded: Client, trap: Canary
) -> None:
    http = guarded(principal(uuid.uuid4()))
    for url in aimed_at(trap.port):
        for body in (shopify(url), generic(f"{url}/items/{{item}}")):
            response = await http.post("/v1/storefronts", json=body)
            assert response.status_code == 400, (url, response.text)
            assert response.json()["type"] == type_uri("url-refused")
            assert SECRET not in response.text
    assert trap.connections == 0


async def test_a_sync_of_a_store_saved_aiming_inside_never_connects(
    as_user: Client, guarded: Client, trap: Canary
) -> None:
    """Saved while private hosts were allowed, or under a name that resolved outside then."""
    tenant = uuid.uuid4()
    for url in aimed_at(trap.port):
        made = await as_user(principal(tenant)).post("/v1/storefronts", json=shopify(url))
        if made.status_code != 201:  # metadata and translated addresses: refused even then
            assert made.json()["type"] == type_uri("url-refused")
            continue
        synced = await guarded(principal(tenant)).post(f"/v1/storefronts/{made.json()['id']}/sync")
        assert 400 <= synced.status_code < 500, (url, synced.text)
        assert SECRET not in synced.text
    assert trap.connections == 0


def redirector(target: str) -> FastAPI:
    app = FastAPI()

    @app.get("/{path:path}")
    async def bounce(path: str) -> RedirectResponse:
        return RedirectResponse(target, status_code=302)

    return app


async def test_a_store_redirecting_inside_is_not_followed(as_user: Client, trap: Canary) -> None:
    """Even where private hosts are allowed, the sync follows no redirect."""
    http = as_user(principal(uuid.uuid4()))
    async with serve(redirector(f"http://127.0.0.1:{trap.port}/")) as base_url:
        store = (await http.post("/v1/storefronts", json=shopify(base_url))).json()
        synced = await http.post(f"/v1/storefronts/{store['id']}/sync")
    assert synced.status_code == 502, synced.text
    assert synced.headers["content-type"].startswith("application/problem+json")
    assert SECRET not in synced.text
    assert trap.connections == 0
