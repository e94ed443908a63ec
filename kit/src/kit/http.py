"""The HTTP app factory every process shares: health, readiness, metrics, problem+json errors,
request ids, and the internal-token requirement on every business route.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

import asyncpg
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.routing import APIRoute, iter_route_contexts
from prometheus_client import CONTENT_TYPE_LATEST, Gauge, generate_latest
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kit import policy, tracing
from kit.dependencies import admit_anyone, authorize, require_principal
from kit.errors import ProblemError, type_uri, use_problems_url
from kit.logs import PLAIN_EXTRA, request_id_var, tenant_var
from kit.observability import HTTP_LATENCY, HTTP_REQUESTS
from kit.openapi import operation_id
from kit.runtime import ServiceRuntime

log = logging.getLogger(__name__)
access = logging.getLogger("machi.access")

PROBLEM_JSON = "application/problem+json"
REQUEST_ID_HEADER = "x-request-id"
OPS_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
ReadinessCheck = Callable[[], Awaitable[None]]


def problem(status: int, type_: str, title: str, detail: str, **extra: Any) -> JSONResponse:
    """An RFC 9457 problem document."""
    body = {"type": type_uri(type_), "title": title, "status": status, "detail": detail, **extra}
    request_id = request_id_var.get()
    if request_id:
        body["request_id"] = request_id
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


def problem_of(error: ProblemError) -> JSONResponse:
    """The problem document `error` answers with, and its headers (also for code in front of
    the router, such as a pure ASGI middleware, that cannot raise into the handlers)."""
    response = problem(error.status, error.type, error.title, error.detail, **error.extra)
    if error.status == 401:
        response.headers["WWW-Authenticate"] = "Bearer"
    if isinstance(error.extra.get("retry_after"), int):  # RFC 9110 section 10.2.3
        response.headers["Retry-After"] = str(error.extra["retry_after"])
    return response


# Errors of a database that cannot take the request now (too many connections, starting up or
# shutting down, gone), as asyncpg raises them under SQLAlchemy's wrapper.
DATABASE_UNREACHABLE = (
    asyncpg.exceptions.TooManyConnectionsError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.AdminShutdownError,
    ConnectionError,
)


def install_problem_handlers(app: FastAPI) -> None:
    """Map every error a request can end with to problem+json, once; types are named under
    the process's `PROBLEMS_URL`."""
    runtime = getattr(app.state, "runtime", None)
    if runtime is not None:
        use_problems_url(runtime.settings.problems_url)

    async def on_problem(_: Request, exc: Exception) -> Response:
        assert isinstance(exc, ProblemError)
        return problem_of(exc)

    async def on_validation(_: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        return problem(422, "validation-error", "Invalid request", "see errors", errors=errors)

    async def on_http(_: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        slug = {404: "not-found", 405: "method-not-allowed", 401: "unauthorized"}.get(
            exc.status_code, "http-error"
        )
        response = problem(exc.status_code, slug, str(exc.detail), str(exc.detail))
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def on_unexpected(_: Request, exc: Exception) -> Response:
        log.exception("unhandled error", exc_info=exc)
        return problem(500, "internal-error", "Internal error", "an unexpected error occurred")

    async def on_refused_value(request: Request, exc: Exception) -> Response:
        # PostgreSQL refused a value the request carried (SQLSTATE class 22: U+0000 in text,
        # out of range, too long), or asyncpg did before sending it: the request's fault, and
        # the transaction is rolled back, so nothing is half-written.
        cause = getattr(getattr(exc, "orig", None), "__cause__", None)
        if isinstance(cause, asyncpg.exceptions.DataError | ValueError):
            return problem(422, "invalid-value", "Invalid value", "a value cannot be stored")
        if isinstance(cause, DATABASE_UNREACHABLE):
            return await on_database_unavailable(request, exc)
        return await on_unexpected(request, exc)

    async def on_database_unavailable(_: Request, exc: Exception) -> Response:
        # The server is full or down, or the pool waited too long: nothing was written, and the
        # same request can succeed a moment later, so this is a 503 the client may retry.
        log.warning("database unavailable", extra={"error": repr(exc)})
        response = problem(
            503, "database-unavailable", "Service unavailable", "the database is busy; retry"
        )
        response.headers["Retry-After"] = "1"
        return response

    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(DBAPIError, on_refused_value)
    app.add_exception_handler(PoolTimeout, on_database_unavailable)
    app.add_exception_handler(ConnectionError, on_database_unavailable)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_unexpected)


class RequestContextMiddleware:
    """Request id in and out (generated when absent), the request's span when tracing is on,
    and HTTP metrics per route template."""

    def __init__(self, app: ASGIApp, service: str) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(REQUEST_ID_HEADER.encode(), b"").decode()
        request_id = incoming[:128] if incoming else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        tenant_token = tenant_var.set(None)  # set by the auth dependency, for this request only
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [
                    *message.get("headers", []),
                    (REQUEST_ID_HEADER.encode(), request_id.encode()),
                ]
            await send(message)

        method = scope["method"]
        with tracing.server_span(self.service, method, scope["headers"]) as span:
            try:
                await self.app(scope, receive, send_with_id)
            finally:
                route = scope.get("route")
                template = getattr(route, "path", None) or "unmatched"
                elapsed = time.perf_counter() - started
                tracing.end_server_span(span, method, template, status)
                HTTP_REQUESTS.labels(self.service, method, template, str(status)).inc()
                HTTP_LATENCY.labels(self.service, method, template).observe(elapsed)
                if template not in OPS_PATHS:  # probes and scrapes would drown the log
                    # The route template, never the raw path or query: they may carry secrets.
                    access.info(
                        "request",
                        extra={
                            "service": self.service,
                            "method": method,
                            "route": template,
                            "status": status,
                            "duration_ms": round(elapsed * 1000, 1),
                            **PLAIN_EXTRA,
                        },
                    )
                request_id_var.reset(token)
                tenant_var.reset(tenant_token)


DEPENDENCY_UP = Gauge(
    "machi_dependency_up",
    "Whether a dependency answered the last readiness probe (1) or not (0)",
    ["dependency"],
)


async def _probe(checks: Mapping[str, ReadinessCheck]) -> dict[str, str]:
    results: dict[str, str] = {}
    for name, check in checks.items():
        try:
            await check()
            results[name] = "ok"
        except Exception as exc:
            results[name] = f"failed: {type(exc).__name__}"
        DEPENDENCY_UP.labels(name).set(1 if results[name] == "ok" else 0)
    return results


def add_ops_routes(
    app: FastAPI,
    checks: dict[str, ReadinessCheck],
    watched: Mapping[str, ReadinessCheck] | None = None,
) -> None:
    """/healthz (the process runs), /readyz (its own critical dependencies answer), /metrics
    (Prometheus). `watched` dependencies are probed and reported (and in the
    `machi_dependency_up` gauge) but never make the process unready: a service or the broker
    briefly gone must not take every gateway out of rotation, `/r/` with it."""

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    async def readyz() -> Response:
        results = await _probe(checks)
        others = await _probe(watched or {})
        if all(v == "ok" for v in results.values()):
            return JSONResponse({"status": "ready", "checks": results, "watched": others})
        return problem(
            503, "not-ready", "Not ready", "a dependency is down", checks=results, watched=others
        )

    @app.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:
        return PlainTextResponse(generate_latest(), media_type=CONTENT_TYPE_LATEST)


def unruled_routes(app: FastAPI, table: policy.Table) -> list[str]:
    """`METHOD path` of every route of `app` without a row in a policy table."""
    missing = []
    for route in iter_route_contexts(app.routes):
        if not isinstance(route.original_route, APIRoute) or route.path in OPS_PATHS:
            continue
        for method in sorted(route.methods or ()):
            if policy.rule_in(table, method, str(route.path)) is None:
                missing.append(f"{method} {route.path}")
    return missing


def create_service_app(
    runtime: ServiceRuntime,
    routers: Sequence[APIRouter],
    *,
    title: str,
    description: str = "",
    public: Sequence[APIRouter] = (),
    table: policy.Table | None = None,
) -> FastAPI:
    """A service's FastAPI app: every router behind the internal token and the service's rows of
    the policy table (kit.policy; `table` replaces them in tests); `public` routers need no token,
    and their rows must be open to anyone. A route without a row is a start-up error, and answers
    403 if added later."""
    app = FastAPI(
        title=title,
        description=description,
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=operation_id,
    )
    app.state.runtime = runtime
    app.state.db = runtime.db
    app.state.verifier = runtime.verifier
    install_problem_handlers(app)
    app.add_middleware(RequestContextMiddleware, service=runtime.service)
    # An api writes events to its outbox, so the broker being away only delays them.
    watched = {"broker": runtime.bus.ping} if runtime.bus is not None else {}
    add_ops_routes(app, {"database": runtime.db.ping}, watched)
    rows = policy.TABLES.get(runtime.service, {}) if table is None else table
    guarded = [Depends(require_principal), authorize(rows)]
    for router in routers:
        app.include_router(router, dependencies=guarded)
    for router in public:
        app.include_router(router, dependencies=[admit_anyone(rows)])
    missing = unruled_routes(app, rows)
    if missing:
        raise RuntimeError(f"routes without a row in kit.policy: {', '.join(missing)}")
    return app
