"""Who may change what: town staff by role, producer users only their own producers.

A producer user sees another producer's things as absent (404), never as forbidden, so ids
of other producers' drafts leak nothing.
"""

from __future__ import annotations

import uuid

from kit import policy
from kit.auth import InternalPrincipal


def is_staff(principal: InternalPrincipal) -> bool:
    """True when the caller writes as town staff rather than as a producer."""
    return principal.has_role(*policy.WRITERS)


def producer_scope(principal: InternalPrincipal) -> frozenset[uuid.UUID] | None:
    """The producers the caller is confined to, or None for town-wide access."""
    if principal.has_role(policy.PRODUCER) and not is_staff(principal):
        return principal.producer_ids
    return None


def may_see_producer(principal: InternalPrincipal, producer_id: uuid.UUID) -> bool:
    """False when the caller is a producer user and `producer_id` is not theirs."""
    scope = producer_scope(principal)
    return scope is None or producer_id in scope


def public_view(principal: InternalPrincipal) -> bool:
    """True for an anonymous visitor: only published things of public producers, no drafts."""
    return principal.is_anonymous
