"""The gateway's background roles: its relay, which publishes `gateway.tenant.*` events, and a
worker that consumes the events partners subscribe to, sends their webhooks, and purges expired
idempotency keys and audit records past `AUDIT_RETENTION_DAYS`. `machi run --target=gateway-relay`
runs both."""

from __future__ import annotations

from gateway import jobs as gateway_jobs
from gateway.audit import service as audit
from gateway.settings import GatewayKeys, GatewaySettings
from gateway.webhooks import handlers as webhook_handlers
from gateway.webhooks.jobs import WebhookSender, webhook_send_job
from gateway.webhooks.settings import WebhookSettings
from kit import roles
from kit.outbound import OutboundPolicy
from kit.runtime import ServiceRuntime
from kit.secrets import Sealer


def background_roles(
    runtime: ServiceRuntime,
    webhooks: WebhookSettings | None = None,
    keys: GatewayKeys | None = None,
) -> list[roles.Role]:
    """The relay of the gateway's outbox; the webhook consumers and sender; the idempotency-key
    and audit purges."""
    settings = webhooks or WebhookSettings()
    sender = WebhookSender(
        runtime.jobs_db,
        Sealer.of(keys or GatewayKeys()),
        OutboundPolicy.from_settings(runtime.settings),
        settings,
    )
    jobs = [
        gateway_jobs.idempotency_purge_job(runtime.jobs_db),
        audit.purge_job(runtime.jobs_db, GatewaySettings().audit_retention_days),
        webhook_send_job(sender, settings),
    ]
    return roles.event_roles(runtime, webhook_handlers.SUBSCRIPTIONS, jobs=jobs)
