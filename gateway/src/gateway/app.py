"""The gateway's composition root: the only door of the platform."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from gateway import api, openapi, proxy
from gateway.authn import Authenticator
from gateway.settings import GatewaySettings
from kit.auth import TokenSigner, load_or_create_key
from kit.http import (
    ReadinessCheck,
    RequestContextMiddleware,
    add_ops_routes,
    install_problem_handlers,
)
from kit.runtime import ServiceRuntime
from kit.settings import MachiSettings

SERVICE = "gateway"


def create_app(
    runtime: ServiceRuntime,
    settings: GatewaySettings,
    signer: TokenSigner,
    upstreams: dict[str, httpx.AsyncClient],
) -> FastAPI:
    """The public API; `upstreams` maps each service name to a client whose base_url is it."""
    app = FastAPI(
        title="Machi API",
        description="Catalog, publishing and analytics for towns that sell through social media.",
        version="0.1.0",
        openapi_url=None,  # served merged by gateway.openapi
        docs_url=None,
        redoc_url=None,
    )
    app.state.runtime = runtime
    app.state.db = runtime.db
    app.state.settings = settings
    app.state.signer = signer
    app.state.upstreams = upstreams
    app.state.authenticator = Authenticator(runtime.db, signer, settings)
    app.state.openapi = openapi.MergedOpenAPI(upstreams)
    install_problem_handlers(app)
    app.add_middleware(RequestContextMiddleware, service=runtime.service)
    add_ops_routes(app, {"database": runtime.db.ping, **upstream_checks(upstreams)})
    app.include_router(openapi.router)
    app.include_router(api.router)
    app.include_router(proxy.build_router())
    return app


def upstream_checks(upstreams: dict[str, httpx.AsyncClient]) -> dict[str, ReadinessCheck]:
    """One readiness check per service: its own `/readyz` answers 2xx."""

    def check(client: httpx.AsyncClient) -> ReadinessCheck:
        async def ready() -> None:
            response = await client.get("/readyz", timeout=5)
            response.raise_for_status()

        return ready

    return {name: check(client) for name, client in upstreams.items()}


def load_signer(settings: GatewaySettings, machi_settings: MachiSettings) -> TokenSigner:
    """The signer of client and internal tokens, its key read (or made) at the configured path."""
    key = load_or_create_key(settings.gateway_signing_key_file)
    return TokenSigner(key, issuer=machi_settings.internal_token_issuer)


def remote_upstreams(settings: GatewaySettings) -> dict[str, httpx.AsyncClient]:
    """Clients for services running as their own processes (the caller closes them)."""
    timeout = httpx.Timeout(settings.upstream_timeout_seconds)
    return {
        name: httpx.AsyncClient(base_url=url, timeout=timeout)
        for name, url in settings.upstream_urls().items()
    }
