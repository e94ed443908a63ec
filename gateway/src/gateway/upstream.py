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
        self._anonymous_tokens: dict[tuple[str, uuid.UUID | None, str], tuple[float, str]] = {}

    def token(self, who: InternalPrincipal, service: str) -> str:
        """A fresh token for `service`, except for anonymous visitors and the gateway on its own:
        theirs name only the town (or nothing), so one is reused for half its lifetime (ES256
        signing is the costliest step of composing an uncached public page)."""
        if not (who.is_anonymous or who == gateway_itself()):
            return self.signer.mint(who, audience=service)
        key = (who.kind, who.tenant_id, service)
        now = time.monotonic()
        reusable = self._anonymous_tokens.get(key)
        if reusable is not None and reusable[0] > now:
            return reusable[1]
        token = self.signer.mint(who, audience=service)
        self._anonymous_tokens[key] = (now + self.signer.ttl_seconds / 2, token)
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
