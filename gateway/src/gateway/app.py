"""The gateway's composition root: the only door of the platform."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import httpx
from argon2 import PasswordHasher
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.middleware.cors import CORSMiddleware

from gateway import authn, openapi, problems, proxy
from gateway.api_keys import api as api_keys_api
from gateway.audit import api as audit_api
from gateway.auth import api as auth_api
from gateway.authn import Authenticator
from gateway.dependencies import OWN_RULES, authorize
from gateway.export import api as export_api
from gateway.mail import Mailer
from gateway.middleware import EdgeMiddleware
from gateway.notifications import api as notifications_api
from gateway.plans import api as plans_api
from gateway.playbook import api as playbook_api
from gateway.public import api as public_api
from gateway.public import events as public_events
from gateway.public.edge import PublicEdge
from gateway.public.service import PublicPages
from gateway.ratelimit import Buckets, RedisBuckets, make_buckets
from gateway.redirect import events as redirect_events
from gateway.redirect.api import RedirectEdge
from gateway.redirect.clicks import ClickQueue, run_flusher
from gateway.redirect.directory import LinkDirectory
from gateway.redirect.service import Edge
from gateway.settings import GatewayKeys, GatewaySettings
from gateway.state import GatewayState, get_state
from gateway.suggestions import api as suggestions_api
from gateway.tenants import api as tenants_api
from gateway.upstream import ServiceCaller
from gateway.usage import api as usage_api
from gateway.usage.service import UsageMeter
from gateway.users import api as users_api
from gateway.webhooks import api as webhooks_api
from kit.auth import TokenSigner, load_or_create_key
from kit.http import (
    ReadinessCheck,
    RequestContextMiddleware,
    add_ops_routes,
    install_problem_handlers,
    unruled_routes,
)
from kit.openapi import operation_id
from kit.runtime import ServiceRuntime
from kit.secrets import Sealer
from kit.settings import MachiSettings

SERVICE = "gateway"


def create_app(
    runtime: ServiceRuntime,
    settings: GatewaySettings,
    signer: TokenSigner,
    upstreams: dict[str, httpx.AsyncClient],
    *,
    buckets: Buckets | None = None,
    keys: GatewayKeys | None = None,
    mailer: Mailer | None = None,
) -> FastAPI:
    """The public API; `upstreams` maps each service name to a client whose base_url is it.
    `buckets` replaces the rate-limit store chosen by `REDIS_URL` (tests); `keys` the
    `GATEWAY_SECRET_KEYS` read from the environment; `mailer` the one `GATEWAY_SMTP_*` makes."""

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if runtime.bus is not None:  # each process keeps its own caches in step with events
            await public_events.follow_changes(runtime.bus, state.public)
            await redirect_events.follow_routes(runtime.bus, state.edge)
            await authn.follow_tenant_changes(runtime.bus, state.authenticator.principals)
        flusher = asyncio.create_task(state.usage.run(runtime.db, settings.usage_flush_seconds))
        clicks = asyncio.create_task(
            run_flusher(state.edge.queue, state.edge.send_clicks, settings.click_flush_seconds)
        )
        try:
            yield
        finally:
            flusher.cancel()
            clicks.cancel()  # which hands over the last clicks before it ends
            await asyncio.gather(flusher, clicks, return_exceptions=True)
            await state.buckets.close()

    app = FastAPI(
        title="Machi API",
        description="Catalog, publishing and analytics for towns that sell through social media.",
        version="0.1.0",
        openapi_url=None,  # served merged by gateway.openapi
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
    )
    services = ServiceCaller(upstreams, signer, settings.upstream_timeout_seconds)
    authn.password_slots.configure(
        settings.login_max_concurrent_hashes,
        settings.login_hash_wait_seconds,
        PasswordHasher(
            time_cost=settings.login_hash_passes,
            memory_cost=settings.login_hash_memory_mib * 1024,
            parallelism=settings.login_hash_lanes,
        ),
    )
    state = GatewayState(
        runtime=runtime,
        settings=settings,
        signer=signer,
        upstreams=upstreams,
        services=services,
        buckets=buckets or make_buckets(settings.redis_url),
        usage=UsageMeter(),
        public=public_api.PublicState(PublicPages(services), settings),
        authenticator=Authenticator(runtime.db, signer, settings),
        openapi=openapi.MergedOpenAPI(upstreams),
        sealer=Sealer.of(keys or GatewayKeys()),
        mailer=mailer or Mailer.from_settings(settings),
        edge=Edge(
            LinkDirectory(settings.redirect_cache_seconds, settings.redirect_unknown_seconds),
            ClickQueue(settings.click_queue_max),
            services,
        ),
    )
    app.state.gateway = state  # read through `gateway.state.get_state`, typed
    app.state.runtime = runtime  # where kit's client-address and outbound-guard helpers look
    webhooks_api.document_webhooks(app.webhooks)
    install_problem_handlers(app)
    # Innermost: a kept public page is answered inside the request context, before the router.
    app.add_middleware(PublicEdge, state=state)
    app.add_middleware(RequestContextMiddleware, service=runtime.service)
    # Inside the edge headers, in front of the request context and the router: a click costs
    # neither (it logs and counts itself).
    app.add_middleware(RedirectEdge, state=state)
    app.add_middleware(EdgeMiddleware, max_body_bytes=settings.gateway_max_body_bytes)
    if settings.cors_origins():
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins(),
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=["ETag", "RateLimit", "RateLimit-Policy", "Retry-After", "X-Request-ID"],
            max_age=600,
        )
    checks: dict[str, ReadinessCheck] = {"database": runtime.db.ping}
    if isinstance(state.buckets, RedisBuckets):
        checks["redis"] = state.buckets.ping
    # Services are watched, not required: each fails only its own routes (502/503), while the
    # gateway keeps serving the others, the public pages from cache and `/r/`.
    add_ops_routes(app, checks, upstream_checks(upstreams))
    own = [
        openapi.router,
        problems.router,
        auth_api.router,
        tenants_api.router,
        export_api.router,
        plans_api.router,
        api_keys_api.router,
        users_api.router,
        usage_api.router,
        playbook_api.router,
        audit_api.router,
        webhooks_api.router,
        suggestions_api.router,
        notifications_api.router,
        public_api.router,
    ]
    app.mount(openapi.DOCS_ASSETS_URL, StaticFiles(directory=openapi.DOCS_ASSETS), name="docs")
    origin = Depends(audit_api.remember_origin)  # where each request came from, for its records
    forget = Depends(forget_principals_after_write, scope="function")
    for router in own:
        app.include_router(router, dependencies=[origin, Depends(authorize), forget])
    # The proxy checks each forwarded operation's row itself (it matches concrete paths).
    app.include_router(proxy.build_router(), dependencies=[origin])
    # Last: `/{town}` takes what nothing else did.
    app.include_router(public_api.home_router, dependencies=[Depends(authorize)])
    _require_rows([*own, public_api.home_router])
    return app


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def forget_principals_after_write(request: Request) -> AsyncIterator[None]:
    """A write to the gateway's own routes (users, keys, tenants, plans, logins) may change who a
    caller is: the cached principals are dropped once it has committed, before it answers."""
    yield
    if request.method not in SAFE_METHODS:
        state = get_state(request)
        state.authenticator.principals.clear()
        state.public.towns.clear()  # a suspension shows on the town's pages and webhooks at once


def _require_rows(routers: list[APIRouter]) -> None:
    """Default-deny made visible: the gateway does not start with a route its table lacks."""
    holder = FastAPI()
    for router in routers:
        holder.include_router(router)
    missing = unruled_routes(holder, OWN_RULES)
    if missing:
        raise RuntimeError(f"routes without a row in kit.policy: {', '.join(missing)}")


def upstream_checks(upstreams: dict[str, httpx.AsyncClient]) -> dict[str, ReadinessCheck]:
    """One probe per service: its own `/readyz` answers 2xx."""

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
