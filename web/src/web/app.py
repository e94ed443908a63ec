"""The web role's composition root: the staff console at `/console/`, the city page at
`/{town}/shop`, and the landing page at `/`, all drawn from the public REST API."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import quote

import httpx
from fastapi import FastAPI, Request, Response
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from kit.clientip import networks
from kit.http import RequestContextMiddleware, add_ops_routes
from kit.secrets import Sealer
from web import i18n, landing
from web.account import api as account_api
from web.admin import api as admin_api
from web.calendar import api as calendar_api
from web.campaigns import api as campaigns_api
from web.catalog import api as catalog_api
from web.channels import api as channels_api
from web.composer import api as composer_api
from web.configuration import api as configuration_api
from web.console import api as console_api
from web.dependencies import CsrfRefused, NotSignedIn
from web.endpoints import api as endpoints_api
from web.gateway import ApiError, Gateway
from web.imports import api as imports_api
from web.inbox import api as inbox_api
from web.links import api as links_api
from web.media import api as media_api
from web.operator import api as operator_api
from web.rendering import STATIC, Renderer
from web.reports import api as reports_api
from web.sessions import Sessions
from web.settings import WebSettings
from web.shop import api as shop_api
from web.shop.cache import KeptPages, PageCache
from web.stores import api as stores_api

SERVICE = "web"
IMMUTABLE = "public, max-age=31536000, immutable"
# Every page's: no third-party anything (scripts, styles, frames, form targets).
PAGE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data: blob: https:;"
    " object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
}


def create_app(
    settings: WebSettings,
    transport: httpx.AsyncBaseTransport | None = None,
    *,
    trusted_proxies: list[str] | None = None,
) -> FastAPI:
    """The pages; `transport` reaches the gateway (default: over HTTP at `WEB_GATEWAY_URL`; the
    all-in-one passes the gateway app in-process)."""
    app = FastAPI(title="Machi web", docs_url=None, redoc_url=None, openapi_url=None)
    in_process = transport is not None
    app.state.gateway = Gateway(
        transport or httpx.AsyncHTTPTransport(retries=1),
        "http://gateway" if in_process else settings.gateway_url,
        settings.timeout_seconds,
    )
    app.state.settings = settings
    app.state.sessions = sessions = Sessions(
        Sealer.of(settings),
        secure=settings.cookie_secure,
        max_age_seconds=settings.session_days * 86_400,
    )
    renderer = Renderer(i18n.load_translations(), settings.public_api_url.rstrip("/"))
    app.state.renderer = renderer
    app.state.trusted_proxies = networks(tuple(trusted_proxies or ["127.0.0.1", "::1"]))
    app.state.public_api_url = settings.public_api_url.rstrip("/")
    app.state.page_cache = cache = PageCache(settings.page_cache_seconds)

    @app.middleware("http")
    async def language_and_cookies(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        asked = request.query_params.get("lang")
        saved = request.cookies.get(i18n.LANG_COOKIE)
        request.state.language = i18n.choose(asked, saved, request.headers.get("accept-language"))
        response = await call_next(request)
        if asked in i18n.LANGUAGES and asked != saved:  # the switch: remembered for next time
            i18n.remember(response, asked)
        sessions.save(request, response)
        if request.url.path.startswith("/static/"):
            if request.query_params.get("v"):  # fingerprinted by `asset()`
                response.headers["Cache-Control"] = IMMUTABLE
            response.headers.setdefault("X-Content-Type-Options", "nosniff")
        else:
            for name, value in PAGE_HEADERS.items():
                response.headers.setdefault(name, value)
        return response

    @app.exception_handler(NotSignedIn)
    async def to_sign_in(request: Request, _: Exception) -> Response:
        back = quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        return RedirectResponse(f"/console/login?next={back}", status_code=303)

    @app.exception_handler(CsrfRefused)
    async def refused(request: Request, _: Exception) -> Response:
        return renderer.page(request, "error.html", {"status": 403, "csrf": True}, 403)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        if exc.status == 401 and request.url.path.startswith("/console"):
            sessions.load(request).sign_out()
            return await to_sign_in(request, exc)
        status = exc.status if 400 <= exc.status < 500 else 502
        return renderer.page(request, "error.html", {"status": status, "error": exc}, status)

    add_ops_routes(app, {}, {"gateway": _gateway_check(app.state.gateway)})
    app.include_router(landing.router)
    app.include_router(channels_api.router)
    app.include_router(reports_api.router)
    app.include_router(links_api.router)
    app.include_router(calendar_api.router)
    app.include_router(campaigns_api.router)
    app.include_router(composer_api.router)  # before the console's /posts/{post_id}
    app.include_router(console_api.router)
    app.include_router(media_api.router)
    app.include_router(inbox_api.router)
    app.include_router(account_api.router)
    app.include_router(admin_api.router)
    app.include_router(catalog_api.router)
    app.include_router(imports_api.router)
    app.include_router(operator_api.router)
    app.include_router(stores_api.router)
    app.include_router(configuration_api.router)
    app.include_router(endpoints_api.router)
    app.include_router(shop_api.router)  # last: `/{town}/shop` takes a town's name
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(RequestContextMiddleware, service=SERVICE)
    kept_headers = {"Content-Type": "text/html; charset=utf-8", **shop_api.HEADERS, **PAGE_HEADERS}
    app.add_middleware(KeptPages, cache=cache, headers=kept_headers)  # outermost
    return app


def _gateway_check(gateway: Gateway) -> Callable[[], Awaitable[None]]:
    async def ready() -> None:
        http = gateway.http({})  # not closed: it would close the shared transport
        (await http.get("/healthz", timeout=5)).raise_for_status()

    return ready
