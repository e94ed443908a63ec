"""The gateway's background roles: its relay, which publishes `gateway.tenant.*` events, and a
worker that purges expired idempotency keys. `machi run --target=gateway-relay` runs both."""

from __future__ import annotations

from gateway import service
from kit import roles
from kit.runtime import ServiceRuntime


def background_roles(runtime: ServiceRuntime) -> list[roles.Role]:
    """The relay of the gateway's outbox and the idempotency-key purge (no consumers yet)."""
    return roles.event_roles(runtime, [], jobs=[service.idempotency_purge_job(runtime.jobs_db)])
