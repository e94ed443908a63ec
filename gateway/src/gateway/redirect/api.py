"""`/r/{code}` at the edge: the tracked redirect answered by the process that owns the public
port, from its own link directory, without the proxy, a token or FastAPI's router.

A pure ASGI middleware placed inside `EdgeMiddleware` (body limit, security and rate-limit
headers) and in front of everything else: a click costs a dictionary lookup, a rate-limit take
and an append to the click queue. The answers are the ones analytics gives: 302 to the store
page with a click id, `Cache-Control: no-store` (a cached redirect is a click never seen), an
HTML page with 404 for an unknown or expired code, HEAD answered (and flagged, never counted).
"""

from __future__ import annotations

import logging
import re
import time
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from gateway.dependencies import enforce_rate
from gateway.redirect import service
from gateway.redirect.service import Edge
from gateway.settings import GatewaySettings
from gateway.state import GatewayState
from kit import links
from kit.clientip import client_ip
from kit.errors import ProblemError
from kit.http import problem_of
from kit.logs import PLAIN_EXTRA
from kit.observability import HTTP_LATENCY, HTTP_REQUESTS

access = logging.getLogger("machi.access")  # kit.http's access log

CODE = re.compile(r"^/r/([A-Za-z0-9_-]{1,64})$")
TEMPLATE = "/r/{code}"
NO_STORE = (b"cache-control", b"no-store")
NOT_FOUND_PAGE = (
    b"<!doctype html><html><head><meta charset=utf-8><title>Link not found</title></head>"
    b"<body><h1>Link not found</h1><p>This link does not exist or has expired.</p></body></html>"
)
NOT_FOUND_HEADERS = [
    NO_STORE,
    (b"content-type", b"text/html; charset=utf-8"),
    (b"content-length", str(len(NOT_FOUND_PAGE)).encode()),
]


class _Route:
    """What `scope["route"]` holds for the request metrics and logs: the template only."""

    path = TEMPLATE


class RedirectEdge:
    """Answers GET and HEAD `/r/{code}`; passes every other request to `app`."""

    def __init__(self, app: ASGIApp, state: GatewayState) -> None:
        self.app = app
        self.state = state
        self.edge: Edge = state.edge
        self.settings: GatewaySettings = state.settings
        self.service_name = state.runtime.service
        self.log_every = state.settings.redirect_log_every
        self._served = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "") if scope["type"] == "http" else ""
        if not path.startswith("/r/") or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        matched = CODE.match(path)
        if matched is None:  # no link has such a code: the same page as an unknown one
            await _send(send, 404, NOT_FOUND_HEADERS, NOT_FOUND_PAGE)
            return
        started = time.perf_counter()
        status = await self._answer(matched.group(1), scope, receive, send)
        self._observe(scope["method"], status, time.perf_counter() - started)

    async def _answer(self, code: str, scope: Scope, receive: Receive, send: Send) -> int:
        request = Request(scope, receive)
        settings, edge = self.settings, self.edge
        ip = client_ip(request)
        try:
            await enforce_rate(request, f"ip:{ip}", settings.public_rate_limit_per_minute)
            link = await edge.resolve(code)
        except ProblemError as refusal:  # 429, or 503 when analytics cannot say
            await problem_of(refusal)(scope, receive, send)
            return refusal.status
        moment = service.now()
        live = link is not None and link.is_live(moment)
        click_id = links.new_click_id()
        headers = request.headers
        edge.queue.add(
            {
                "code": code,
                "click_id": click_id,
                "occurred_at": moment.isoformat(),
                "tenant_id": str(link.tenant_id) if live and link else None,
                "link_id": str(link.link_id) if live and link else None,
                "dimensions": link.dimensions if live and link else {},
                "ip": ip,
                "user_agent": headers.get("user-agent", "")[:1024],
                "referer": headers.get("referer", "")[:2048],
                "country": headers.get(settings.country_header, "")[:8]
                if settings.country_header
                else "",
                "language": headers.get("accept-language", "")[:256],
                "head": scope["method"] == "HEAD",
            }
        )
        if not live or link is None:
            await _send(send, 404, NOT_FOUND_HEADERS, NOT_FOUND_PAGE)
            return 404
        target = links.location(link.destination, settings.click_id_param, click_id)
        location = (b"location", target.encode("latin-1", "strict"))
        await _send(send, 302, [location, NO_STORE, (b"content-length", b"0")], b"")
        return 302

    def _observe(self, method: str, status: int, elapsed: float) -> None:
        """The metrics and the access line kit's middleware would write, the line sampled by
        `REDIRECT_LOG_EVERY` (a burst of clicks would otherwise be mostly log)."""
        HTTP_REQUESTS.labels(self.service_name, method, TEMPLATE, str(status)).inc()
        HTTP_LATENCY.labels(self.service_name, method, TEMPLATE).observe(elapsed)
        self._served += 1
        every = self.log_every
        if every and self._served % every == 0 and access.isEnabledFor(logging.INFO):
            access.info(
                "request",
                extra={
                    "service": self.service_name,
                    "method": method,
                    "route": TEMPLATE,
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 1),
                    "sampled_one_in": every,
                    **PLAIN_EXTRA,
                },
            )


async def _send(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    start: dict[str, Any] = {"type": "http.response.start", "status": status, "headers": headers}
    await send(start)
    await send({"type": "http.response.body", "body": body})
