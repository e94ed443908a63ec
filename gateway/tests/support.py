"""Fixtures and helpers: the gateway on a migrated database, stand-in services in-process."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, SecretStr

from gateway import bootstrap
from gateway.app import SERVICE, create_app
from gateway.ratelimit import Buckets
from gateway.routes import ROUTES, UPSTREAMS
from gateway.settings import GatewayKeys, GatewaySettings
from kit.auth import TokenSigner, TokenVerifier
from kit.errors import Unauthorized
from kit.events.memory import MemoryBus
from kit.runtime import ServiceRuntime
from kit.secrets import new_key
from kit.settings import MachiSettings
from kit.testing.plugin import migrate

from .standins import StandIn
from .standins import build as build_standins

PASSWORD = "correct horse battery"
KEYS = GatewayKeys(_env_file=None, secret_keys=SecretStr(new_key()))
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


class Note(BaseModel):
    """Same name in every stand-in service, to see which one the merged document keeps."""

    text: str
    service: str


class EchoService:
    """A stand-in service: checks the internal token as a real one does and echoes the request."""

    def __init__(self, name: str, signer: TokenSigner) -> None:
        self.name = name
        self.calls = 0
        self.verifier = TokenVerifier(name, issuer=signer.issuer, jwks=signer.jwks())
        self.app = self._build()

    async def echo(self, request: Request) -> JSONResponse:
        self.calls += 1
        header = request.headers.get("authorization", "")
        try:
            caller = await self.verifier.verify(header.removeprefix("Bearer "))
        except Unauthorized as exc:
            return JSONResponse({"detail": exc.detail}, status_code=401)
        body = await request.body()
        status = int(request.query_params.get("status", "200"))
        return JSONResponse(
            {
                "service": self.name,
                "method": request.method,
                "path": request.url.path,
                "query": request.url.query,
                "headers": request.headers.items(),
                "body": body.decode(),
                "caller": {
                    "sub": caller.sub,
                    "kind": caller.kind,
                    "tenant_id": str(caller.tenant_id) if caller.tenant_id else None,
                    "roles": sorted(caller.roles),
                    "limits": caller.limits,
                },
            },
            status_code=status,
            headers={"x-echo": self.name, "keep-alive": "timeout=5", "x-request-id": "upstream"},
        )

    def _build(self) -> FastAPI:
        app = FastAPI(title=f"stand-in {self.name}")
        prefixes = [r.prefix for r in ROUTES if r.upstream == self.name]

        @app.post(f"{prefixes[0]}/notes", response_model=Note)
        async def create_note(note: Note) -> Note:
            return Note(text=note.text, service=self.name)

        @app.get("/internal/only")
        async def internal() -> dict[str, str]:
            return {"hidden": "yes"}

        @app.get("/readyz")
        async def readyz() -> dict[str, str]:
            return {"status": "ready"}

        for prefix in prefixes:
            for path in (prefix, f"{prefix}/{{rest:path}}"):
                app.add_api_route(path, self.echo, methods=METHODS, include_in_schema=False)
        return app

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app), base_url=f"http://{self.name}"
        )


@pytest.fixture(scope="session")
async def runtime(
    machi_settings: MachiSettings, migrated_services: set[str]
) -> AsyncIterator[ServiceRuntime]:
    await migrate(machi_settings, migrated_services, SERVICE)
    rt = ServiceRuntime.create(SERVICE, machi_settings, bus=MemoryBus())
    yield rt
    await rt.close()


@pytest.fixture(scope="session")
def gateway_settings() -> GatewaySettings:
    return GatewaySettings(_env_file=None, upstream_timeout_seconds=0.5)


@pytest.fixture(scope="session")
def services(signer: TokenSigner) -> dict[str, EchoService]:
    return {name: EchoService(name, signer) for name in UPSTREAMS}


class GatewayFactory(Protocol):
    async def __call__(
        self,
        upstreams: dict[str, httpx.AsyncClient],
        settings: GatewaySettings | None = None,
        buckets: Buckets | None = None,
        base_url: str = "http://gw",
    ) -> httpx.AsyncClient: ...


@pytest.fixture
async def gateway_with(
    runtime: ServiceRuntime, gateway_settings: GatewaySettings, signer: TokenSigner
) -> AsyncIterator[GatewayFactory]:
    """A client of a gateway app over the given upstream clients (all closed afterwards);
    the app is at `client._transport.app`."""
    opened: list[httpx.AsyncClient] = []

    async def make(
        upstreams: dict[str, httpx.AsyncClient],
        settings: GatewaySettings | None = None,
        buckets: Buckets | None = None,
        base_url: str = "http://gw",
    ) -> httpx.AsyncClient:
        app = create_app(
            runtime, settings or gateway_settings, signer, upstreams, buckets=buckets, keys=KEYS
        )
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base_url)
        opened.extend([http, *upstreams.values()])
        return http

    yield make
    for client in opened:
        await client.aclose()


def app_of(http: httpx.AsyncClient) -> FastAPI:
    """The gateway app behind a client made by `gateway_with`."""
    app: FastAPI = http._transport.app  # type: ignore[attr-defined]
    return app


@pytest.fixture
def standins(signer: TokenSigner) -> dict[str, StandIn]:
    """Fresh stand-in services that serve pages, usage and playbooks (see `standins`)."""
    return build_standins(signer)


@pytest.fixture
async def public_http(
    gateway_with: GatewayFactory, standins: dict[str, StandIn]
) -> httpx.AsyncClient:
    """A client of the gateway in front of the stand-ins."""
    return await gateway_with({name: s.client() for name, s in standins.items()})


@pytest.fixture
async def http(gateway_with: GatewayFactory, services: dict[str, EchoService]) -> httpx.AsyncClient:
    """A client of the gateway in front of every stand-in service."""
    return await gateway_with({name: s.client() for name, s in services.items()})


@dataclass
class Town:
    id: uuid.UUID
    slug: str
    admin_email: str


def unique(label: str) -> str:
    return f"{label}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
async def town(runtime: ServiceRuntime) -> Town:
    """A new tenant with an admin user."""
    slug = unique("takeo")
    tenant_id = await bootstrap.create_tenant(
        runtime.db,
        slug,
        {"ja": "武雄市", "en": "Takeo"},
        population=50_000,
        limits={"active_products": 100},
    )
    email = f"admin@{slug}.example"
    await bootstrap.create_user(runtime.db, tenant_id, email, PASSWORD, ["admin"])
    return Town(tenant_id, slug, email)


@pytest.fixture
async def operator_email(runtime: ServiceRuntime) -> str:
    email = f"{unique('operator')}@machi.example"
    await bootstrap.create_operator(runtime.db, email, PASSWORD)
    return email


async def login(http: httpx.AsyncClient, email: str, password: str = PASSWORD) -> dict[str, Any]:
    response = await http.post("/v1/auth/token", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    tokens: dict[str, Any] = response.json()
    return tokens


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def auth_headers(http: httpx.AsyncClient, email: str) -> dict[str, str]:
    return bearer((await login(http, email))["access_token"])
