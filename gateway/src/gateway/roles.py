"""The gateway's background roles: its relay, which publishes `gateway.tenant.*` events, and a
worker that purges expired idempotency keys and audit records past `AUDIT_RETENTION_DAYS`.
`machi run --target=gateway-relay` runs both."""

from __future__ import annotations

from gateway import service
from gateway.audit import service as audit
from gateway.settings import GatewaySettings
from kit import roles
from kit.runtime import ServiceRuntime


def background_roles(runtime: ServiceRuntime) -> list[roles.Role]:
    """The relay of the gateway's outbox, the idempotency-key and audit purges (no consumers)."""
    retention = GatewaySettings().audit_retention_days
    jobs = [
        service.idempotency_purge_job(runtime.jobs_db),
        audit.purge_job(runtime.jobs_db, retention),
    ]
    return roles.event_roles(runtime, [], jobs=jobs)
