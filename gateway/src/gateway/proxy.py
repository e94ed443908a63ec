"""The reverse proxy: authenticate the caller, swap their credentials for an internal token
minted for the one service that answers the path, and stream the exchange both ways.

Hop-by-hop headers (RFC 9110 section 7.6.1) never cross the proxy, in either direction. Client
credentials, cookies and `X-Internal-*` headers stop here: a service trusts only the token the
gateway sets, and nothing a client can forge reaches it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence

import httpx
from fastapi import APIRouter, Request, Response
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

from gateway.audit import service as audit
from gateway.authn import Caller
from gateway.dependencies import FullCallerDep, client_ip, enforce_rate
from gateway.errors import (
    NoTown,
    UpstreamTimeout,
    UpstreamUnavailable,
)
from gateway.public import api as public_api
from gateway.routes import ANONYMOUS, EDGE, ROUTES, TOWN, Route
from gateway.state import get_state
from gateway.upstream import anonymous
from kit import idempotency, policy, tracing
from kit.auth import InternalPrincipal
from kit.logs import request_id_var

log = logging.getLogger(__name__)

HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade"}
)
CLIENT_ONLY = frozenset({"authorization", "x-api-key", "cookie", "host", "x-request-id"})
INTERNAL_PREFIX = "x-internal-"
# Set again by this process (its own server and RequestContextMiddleware): no duplicates.
UPSTREAM_ONLY = frozenset({"date", "server", "x-request-id"})


def _connection_listed(headers: Iterable[tuple[str, str]]) -> set[str]:
    """Names a `Connection` header declares hop-by-hop for this message."""
    listed: set[str] = set()
    for name, value in headers:
        if name.lower() == "connection":
            listed.update(token.strip().lower() for token in value.split(","))
    return listed


def _is_hop_by_hop(name: str, listed: set[str]) -> bool:
    return name in HOP_BY_HOP or name.startswith("proxy-") or name in listed


def upstream_request_headers(request: Request, internal_token: str) -> list[tuple[str, str]]:
    """The client's end-to-end headers, minus its credentials, plus the gateway's own."""
    incoming = request.headers.items()
    listed = _connection_listed(incoming)
    kept = [
        (name, value)
        for name, value in incoming
        if not _is_hop_by_hop(name, listed)
        and name not in CLIENT_ONLY
        and not name.startswith(INTERNAL_PREFIX)
        and not name.startswith("x-forwarded-")
        and not (tracing.enabled() and name in tracing.PROPAGATION_HEADERS)  # ours replace them
    ]
    return [
        *kept,
        ("authorization", f"Bearer {internal_token}"),
        ("x-request-id", request_id_var.get() or ""),
        # The client as resolved here: a client's own X-Forwarded-For never reaches a service.
        ("x-forwarded-for", client_ip(request)),
        ("x-forwarded-proto", request.url.scheme),
        ("x-forwarded-host", request.headers.get("host", "")),
        *tracing.outgoing_headers(),
    ]


def client_response_headers(upstream: httpx.Response) -> list[tuple[bytes, bytes]]:
    raw = upstream.headers.raw
    listed = _connection_listed((k.decode("latin-1"), v.decode("latin-1")) for k, v in raw)
    kept = []
    for name, value in raw:
        lowered = name.decode("latin-1").lower()
        if _is_hop_by_hop(lowered, listed) or lowered in UPSTREAM_ONLY:
            continue
        kept.append((lowered.encode("latin-1"), value))
    return kept


def _target(request: Request) -> str:
    # The raw path keeps the client's percent-encoding (a `%2F` stays one path segment).
    raw_path = request.scope.get("raw_path") or request.url.path.encode()
    query = request.scope.get("query_string") or b""
    target = raw_path.decode("latin-1")
    return f"{target}?{query.decode('latin-1')}" if query else target


def _has_body(request: Request) -> bool:
    return "content-length" in request.headers or "transfer-encoding" in request.headers


async def _relay(upstream: httpx.Response) -> AsyncIterator[bytes]:
    try:
        async for chunk in upstream.aiter_raw():
            yield chunk
    finally:
        await upstream.aclose()


async def forward(request: Request, caller: InternalPrincipal, route: Route) -> Response:
    """Send the request to `route`'s service, as the caller, and stream the answer."""
    upstreams = get_state(request).upstreams
    # Anonymous tokens (redirects, webhooks, media) are reused per town: no signature per click,
    # and the service's verified-token cache hits.
    services = get_state(request).services
    settings = get_state(request).settings
    client = upstreams.get(route.upstream)
    if client is None:
        raise UpstreamUnavailable(f"{route.upstream} is not configured")
    outbound = client.build_request(
        request.method,
        _target(request),
        headers=upstream_request_headers(request, services.token(caller, route.upstream)),
        content=request.stream() if _has_body(request) else None,
        timeout=settings.upstream_timeout_seconds,
    )
    try:
        upstream = await client.send(outbound, stream=True)
    except httpx.TimeoutException as exc:
        log.warning("upstream timed out", extra={"upstream": route.upstream})
        raise UpstreamTimeout(f"{route.upstream} did not answer in time") from exc
    except httpx.TransportError as exc:
        log.warning("upstream unreachable", extra={"upstream": route.upstream, "error": repr(exc)})
        raise UpstreamUnavailable(f"{route.upstream} is unreachable") from exc
    response = StreamingResponse(
        _relay(upstream),
        status_code=upstream.status_code,
        # Runs even when the body iterator never started (client gone); aclose is idempotent.
        background=BackgroundTask(upstream.aclose),
    )
    response.raw_headers = client_response_headers(upstream)
    return response


# Writes a client may retry under an `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header).
IDEMPOTENT_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
REPLAYED = "idempotent-replayed"  # set on a replayed answer, as Stripe and others do
NOT_REPLAYED = frozenset({"content-length", "set-cookie"})


async def forward_once(request: Request, caller: InternalPrincipal, route: Route) -> Response:
    """`forward`, except that a write carrying an `Idempotency-Key` reaches the service once:
    a retry gets the stored answer, a different request under the same key a 422, a twin of a
    request still running a 409. Keys are the caller's (tenant and principal), kept 24 hours.

    A 5xx (the service rolled back) or no answer frees the key, so a retry runs again.
    """
    key = request.headers.get(idempotency.HEADER)
    if key is None or request.method not in IDEMPOTENT_METHODS:
        return await forward(request, caller, route)
    db = get_state(request).db
    scope = f"{caller.tenant_id}:{caller.actor}"
    body = await request.body()  # kept by the request: `forward` sends it from there
    print_ = idempotency.fingerprint(request.method, _target(request), body)
    stored = await idempotency.begin(db, scope, key, print_)
    if stored is not None:
        return _answer(stored, {REPLAYED: "true"})
    try:
        answer = await _buffered(await forward(request, caller, route))
    except BaseException:
        await idempotency.release(db, scope, key)
        raise
    if answer.status >= 500:
        await idempotency.release(db, scope, key)
    else:
        await idempotency.finish(db, scope, key, answer)
    return _answer(answer)


async def _buffered(response: Response) -> idempotency.StoredResponse:
    """The whole answer of `forward`, read (which closes the upstream answer)."""
    assert isinstance(response, StreamingResponse)
    chunks = [c.encode() if isinstance(c, str) else bytes(c) async for c in response.body_iterator]
    body = b"".join(chunks)
    headers: dict[str, str] = {}
    for raw_name, raw_value in response.raw_headers:
        name, value = raw_name.decode("latin-1"), raw_value.decode("latin-1")
        if name not in NOT_REPLAYED:
            headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return idempotency.StoredResponse(response.status_code, headers, body)


def _answer(stored: idempotency.StoredResponse, extra: dict[str, str] | None = None) -> Response:
    return Response(stored.body, stored.status, headers={**stored.headers, **(extra or {})})


async def town_tenant_id(request: Request, slug: str) -> uuid.UUID:
    """The tenant of the town `slug`, as the public pages find it: 404 when unknown, 403 when
    suspended."""
    return (await public_api.town_of(request, slug)).id


async def _public_rate(request: Request) -> None:
    settings = get_state(request).settings
    await enforce_rate(request, f"ip:{client_ip(request)}", settings.public_rate_limit_per_minute)


Endpoint = Callable[..., Awaitable[Response]]


def _endpoint(route: Route) -> Endpoint:
    if route.access == ANONYMOUS:

        async def forward_anonymously(request: Request) -> Response:
            await _public_rate(request)
            return await forward(request, anonymous(None), route)

        return forward_anonymously

    if route.access == TOWN:

        async def forward_for_town(request: Request, town: str) -> Response:
            await _public_rate(request)
            return await forward(request, anonymous(await town_tenant_id(request, town)), route)

        return forward_for_town

    async def forward_to_upstream(request: Request, caller: FullCallerDep) -> Response:
        _authorize(caller, route, request)
        return await audit.forwarded(
            get_state(request).db,
            get_state(request).services,
            caller.principal,
            route.upstream,
            lambda: forward_once(request, caller.principal, route),
        )

    return forward_to_upstream


def _authorize(caller: Caller, route: Route, request: Request) -> None:
    """The operation's row of the policy table admits the caller (roles, and a key's scopes).
    A path with no row is left to the service, whose own table refuses it by default."""
    principal = caller.principal
    if principal.tenant_id is None:  # the platform operator: a town's data is the town's
        raise NoTown("the platform operator manages towns through /v1/tenants, not their data")
    rule = policy.match(route.upstream, request.method, request.url.path)
    if rule is not None:
        policy.check(rule, principal)


def build_router(routes: Sequence[Route] = ROUTES) -> APIRouter:
    """Routes for every prefix of the table (its exact path and everything below it), or for
    its one template."""
    router = APIRouter()
    for route in routes:
        if route.access == EDGE:
            continue  # answered in front of the router (gateway.redirect.api)
        endpoint = _endpoint(route)
        paths = (
            [route.template] if route.template else [route.prefix, f"{route.prefix}/{{rest:path}}"]
        )
        for path in paths:
            router.add_api_route(
                path, endpoint, methods=list(route.methods), include_in_schema=False
            )
    return router
