"""Anonymous callers (public pages, tracked redirects, store webhooks): where they are admitted.

The gateway mints anonymous tokens only for public reads, but a service does not rely on that:
a router guarded by `admit_anonymous` refuses an anonymous principal everywhere except the named
read endpoints, so a new endpoint is closed to the public until someone opens it on purpose.
"""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Request

from kit.dependencies import PrincipalDep
from kit.errors import Forbidden, NotFound

READ_METHODS = frozenset({"GET", "HEAD"})


def admit_anonymous(*endpoints: str) -> Any:
    """A router dependency: anonymous principals reach only the `endpoints` (by function name),
    with GET or HEAD and a tenant; elsewhere they get 403."""
    admitted = frozenset(endpoints)

    async def check(request: Request, principal: PrincipalDep) -> None:
        if not principal.is_anonymous:
            return
        route = request.scope.get("route")
        if getattr(route, "name", None) not in admitted or request.method not in READ_METHODS:
            raise Forbidden("this endpoint is not public")
        if principal.tenant_id is None:
            raise NotFound("public reads need a town")

    return Depends(check)
