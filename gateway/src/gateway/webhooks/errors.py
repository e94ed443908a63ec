"""Errors of outgoing webhooks, each with its HTTP status and problem type."""

from kit.errors import Conflict, NotFound


class WebhookEndpointNotFound(NotFound):
    title = "Webhook endpoint not found"


class WebhookDeliveryNotFound(NotFound):
    title = "Webhook delivery not found"


class WebhookEndpointDisabled(Conflict):
    type = "webhook-endpoint-disabled"
    title = "The webhook endpoint is disabled; enable it first"
