"""Edge concerns of the only door: request size limit, security headers, rate-limit headers.

One pure ASGI middleware (no body buffering, streaming untouched):
- a body over the limit gets a 413 problem, from its `Content-Length` before the app runs, or
  while it streams in (then whatever the app started answering is replaced by the 413); login,
  refresh and invitation acceptance carry a few fields, so their limit is a few KB;
- every response gets `X-Content-Type-Options: nosniff`, a `Referrer-Policy`, and
  `Content-Security-Policy: frame-ancestors 'none'` (https://owasp.org/www-project-secure-headers/),
  plus `Strict-Transport-Security` when the request came over https (RFC 6797 section 7.2: never
  over plain http);
- the rate-limit decision a dependency left in the request state becomes `RateLimit-Policy`,
  `RateLimit` and, on a 429, `Retry-After` headers.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.ratelimit import STATE_KEY, Decision
from kit.http import problem

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"content-security-policy", b"frame-ancestors 'none'"),
    (b"x-frame-options", b"DENY"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")
# Credentials and a password: nothing an honest client sends comes near this.
AUTH_PATHS = re.compile(
    r"^/v1/(auth/[^/]+|auth/password-reset/confirm|me/password|invitations/[^/]+/accept)$"
)
AUTH_MAX_BODY_BYTES = 8 * 1024


class BodyTooLarge(Exception):
    pass


def _too_large(limit: int) -> Any:
    return problem(
        413, "payload-too-large", "Request body too large", f"the limit is {limit} bytes"
    )


class EdgeMiddleware:
    """Size limit, security headers and rate-limit headers for every HTTP response."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._send_too_large(scope, receive, send, limit)
            return
        received = 0
        exceeded = False
        replaced = False

        async def counting_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    exceeded = True
                    raise BodyTooLarge()
            return message

        async def decorated_send(message: Message) -> None:
            nonlocal replaced
            if exceeded:
                if not replaced:
                    replaced = True
                    await self._send_too_large(scope, receive, send, limit)
                return
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", []),
                    *self._headers(scope),
                ]
            await send(message)

        try:
            await self.app(scope, counting_receive, decorated_send)
        except BodyTooLarge:
            pass
        except Exception:
            if not exceeded:
                raise
        if exceeded and not replaced:
            await self._send_too_large(scope, receive, send, limit)

    def limit_for(self, path: str) -> int:
        """The body limit of a request to `path`."""
        if AUTH_PATHS.match(path):
            return min(AUTH_MAX_BODY_BYTES, self.max_body_bytes)
        return self.max_body_bytes

    async def _send_too_large(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = _too_large(limit)
        response.headers.update({k.decode(): v.decode() for k, v in SECURITY_HEADERS})
        await response(scope, receive, send)

    def _headers(self, scope: Scope) -> list[tuple[bytes, bytes]]:
        headers = list(SECURITY_HEADERS)
        if scope.get("scheme") == "https":
            headers.append(HSTS)
        state: dict[str, Any] = scope.get("state") or {}
        decision = state.get(STATE_KEY)
        if isinstance(decision, Decision):
            headers += [(k.encode(), v.encode()) for k, v in decision.headers()]
        return headers
