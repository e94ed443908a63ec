"""Who may do what beyond a route's row in `kit.policy`: operator-only use cases, a town's
admin, and the rule that nobody grants more than they hold (roles, and a key's scopes)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from kit import policy
from kit.auth import InternalPrincipal
from kit.errors import Forbidden


def require_operator(caller: InternalPrincipal) -> None:
    """403 unless the caller is the platform operator."""
    if not caller.has_role(policy.OPERATOR):
        raise Forbidden("only the platform operator may do this")


def require_tenant_admin(caller: InternalPrincipal) -> uuid.UUID:
    """The caller's tenant; 403 unless they are an admin in one."""
    if caller.tenant_id is None or not caller.has_role(policy.ADMIN):
        raise Forbidden("needs the admin role in a tenant")
    return caller.tenant_id


def may_grant(
    caller: InternalPrincipal, roles: Sequence[str], scopes: Sequence[str] | None = None
) -> None:
    """403 unless `caller` may give `roles` to a new user or invitation (`scopes` None: every
    scope, as a user has) or to a new key: nobody grants a role above their own
    (kit.policy.grantable), and a key grants at most its own roles and scopes."""
    wanted = set(roles)
    if not wanted <= policy.grantable(caller.roles):
        raise Forbidden(f"may not grant the roles: {', '.join(sorted(wanted))}")
    if caller.kind != "key":
        return
    if scopes is not None and not wanted <= caller.roles:
        raise Forbidden("an API key grants at most its own roles")
    if not policy.covers_all(caller.scopes, scopes or [policy.ALL_SCOPES]):
        raise Forbidden(
            "an API key grants at most its own scopes; a user holds every scope, so only a key "
            "with `*` adds users"
        )
