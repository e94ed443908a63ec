"""The gateway calling a service on its own behalf (public pages, usage, playbooks), with an
internal token it mints for the purpose, as opposed to forwarding a client's request.

A failed call is an `Unavailable` value, not an exception: the callers compose pages and reports
section by section, and one service down marks its section, never the whole answer.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from kit import tracing
from kit.auth import InternalPrincipal, TokenSigner

log = logging.getLogger(__name__)

ANONYMOUS = "anonymous"
SERVICE = "service"
MAX_REUSED_TOKENS = 10_000
TokenKey = tuple[str, str, uuid.UUID | None, str]  # kind, subject, tenant, audience


def anonymous(tenant_id: uuid.UUID | None) -> InternalPrincipal:
    """A visitor with no login; services accept it only on read endpoints meant to be public."""
    return InternalPrincipal(sub=ANONYMOUS, kind=ANONYMOUS, tenant_id=tenant_id)


def gateway_acting_for(tenant_id: uuid.UUID, *roles: str) -> InternalPrincipal:
    """The gateway itself, acting in `tenant_id` with `roles` (usage reports, playbooks)."""
    return InternalPrincipal(
        sub="gateway", kind=SERVICE, tenant_id=tenant_id, roles=frozenset(roles)
    )


def gateway_itself() -> InternalPrincipal:
    """The gateway on its own, for no town (the edge redirect's lookups and clicks)."""
    return InternalPrincipal(sub="gateway", kind=SERVICE, tenant_id=None)


@dataclass(frozen=True)
class Unavailable:
    """Why a service's part could not be had."""

    reason: str
    status: int | None = None  # the service's status code, when it answered

    def section(self) -> dict[str, Any]:
        return {"available": False, "reason": self.reason}


class ServiceCaller:
    """JSON calls to the services, each with a fresh internal token for the callee."""

    def __init__(
        self, upstreams: dict[str, httpx.AsyncClient], signer: TokenSigner, timeout: float
    ) -> None:
        self.upstreams = upstreams
        self.signer = signer
        self.timeout = timeout
        self._tokens: dict[TokenKey, tuple[float, InternalPrincipal, str]] = {}

    def token(self, who: InternalPrincipal, service: str) -> str:
        """A token for `service` naming `who`, reused for half its lifetime while `who` stays the
        same (same roles, quotas, scopes): ES256 signing is the costliest step of forwarding a
        request, and a service's verified-token cache only hits on a token it has seen."""
        key = (who.kind, who.sub, who.tenant_id, service)
        now = time.monotonic()
        reusable = self._tokens.get(key)
        if reusable is not None and reusable[0] > now and reusable[1] == who:
            return reusable[2]
        token = self.signer.mint(who, audience=service)
        if len(self._tokens) >= MAX_REUSED_TOKENS:
            self._tokens.clear()
        self._tokens[key] = (now + self.signer.ttl_seconds / 2, who, token)
        return token

    async def call(
        self,
        service: str,
        method: str,
        path: str,
        who: InternalPrincipal,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
    ) -> Any | Unavailable:
        """The JSON body of a 2xx answer, or why there is none."""
        client = self.upstreams.get(service)
        if client is None:
            return Unavailable(f"{service} is not configured")
        token = self.token(who, service)
        try:
            response = await client.request(
                method,
                path,
                params=params,
                json=json,
                headers=[("authorization", f"Bearer {token}"), *tracing.outgoing_headers()],
                timeout=self.timeout,
            )
        except httpx.HTTPError as exc:
            log.warning("service call failed", extra={"upstream": service, "error": repr(exc)})
            return Unavailable(f"{service} is unreachable")
        if not response.is_success:
            return Unavailable(f"{service} answered {response.status_code}", response.status_code)
        if response.status_code == 204 or not response.content:
            return {}
        try:
            return response.json()
        except ValueError:
            return Unavailable(f"{service} answered something other than JSON")
