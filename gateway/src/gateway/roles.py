"""The gateway's background roles: its relay, which publishes `gateway.tenant.*` events, and a
worker that consumes the events partners subscribe to, sends their webhooks, turns a channel
needing re-authorization into notices (console and mail), and purges expired
idempotency keys and audit records past `AUDIT_RETENTION_DAYS`. `machi run --target=gateway-relay`
runs both."""

from __future__ import annotations

from gateway import jobs as gateway_jobs
from gateway.audit import service as audit
from gateway.mail import Mailer
from gateway.notifications import handlers as notification_handlers
from gateway.notifications import jobs as notification_jobs
from gateway.notifications.jobs import NotificationMailer
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
    """The relay of the gateway's outbox; the webhook consumers and sender; the notices made
    from events and their mailer; the idempotency-key and audit purges."""
    settings = webhooks or WebhookSettings()
    gateway_settings = GatewaySettings()
    notices = NotificationMailer(
        runtime.jobs_db,
        Mailer.from_settings(gateway_settings),
        gateway_settings.gateway_console_url,
    )
    sender = WebhookSender(
        runtime.jobs_db,
        Sealer.of(keys or GatewayKeys()),
        OutboundPolicy.from_settings(runtime.settings),
        settings,
    )
    jobs = [
        gateway_jobs.idempotency_purge_job(runtime.jobs_db),
        audit.purge_job(runtime.jobs_db, gateway_settings.audit_retention_days),
        webhook_send_job(sender, settings),
        notification_jobs.mail_job(notices),
    ]
    subscriptions = [*webhook_handlers.SUBSCRIPTIONS, *notification_handlers.SUBSCRIPTIONS]
    return roles.event_roles(runtime, subscriptions, jobs=jobs)
