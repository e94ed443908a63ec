"""The gateway's background roles: its relay, which publishes `gateway.tenant.*` events."""

from __future__ import annotations

from kit import roles
from kit.runtime import ServiceRuntime


def background_roles(runtime: ServiceRuntime) -> list[roles.Role]:
    """The relay of the gateway's outbox (the gateway consumes no events yet)."""
    return roles.event_roles(runtime, [])
