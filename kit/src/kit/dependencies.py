"""FastAPI dependencies every service uses: the verified principal and the request's session."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from kit import policy
from kit.auth import InternalPrincipal, TokenVerifier
from kit.db import Database
from kit.errors import Forbidden, Unauthorized
from kit.events.outbox import ACTOR_KEY
from kit.logs import tenant_var


async def require_principal(request: Request) -> InternalPrincipal:
    """The principal of a valid internal token, or 401, whatever else the request carries."""
    cached = getattr(request.state, "principal", None)
    if isinstance(cached, InternalPrincipal):
        return cached
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized("missing internal token")
    verifier: TokenVerifier = request.app.state.verifier
    principal = await verifier.verify(token)
    request.state.principal = principal
    if principal.tenant_id is not None:
        tenant_var.set(str(principal.tenant_id))
    return principal


PrincipalDep = Annotated[InternalPrincipal, Depends(require_principal)]


async def get_session(request: Request, principal: PrincipalDep) -> AsyncIterator[AsyncSession]:
    """One transaction per request, scoped to the caller's tenant, committed before responding."""
    db: Database = request.app.state.db
    async with db.transaction(principal.tenant_id) as session:
        session.info[ACTOR_KEY] = principal.actor
        yield session


# scope="function": the commit happens before the response is sent, so a failed commit can
# never follow a 2xx (FastAPI docs, "Dependencies with yield", early exit and scope).
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


def route_template(request: Request) -> str:
    """The path template of the route that matched `request` (`/v1/posts/{post_id}`)."""
    return str(getattr(request.scope.get("route"), "path", ""))


def authorize(table: policy.Table) -> Any:
    """A dependency checking the caller against the matched route's row of a policy table
    (kit.policy): 403 without a row, or when the row does not admit the caller."""

    async def check(request: Request, principal: PrincipalDep) -> None:
        rule = policy.rule_in(table, request.method, route_template(request))
        policy.check(rule, principal)

    return Depends(check)


def admit_anyone(table: policy.Table) -> Any:
    """A dependency for routes served without any token: their row must be open to anyone."""

    async def check(request: Request) -> None:
        rule = policy.rule_in(table, request.method, route_template(request))
        if rule is None or rule.anonymous != policy.ANYONE:
            raise Forbidden("this endpoint is not public")

    return Depends(check)
