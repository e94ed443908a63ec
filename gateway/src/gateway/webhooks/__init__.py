"""Outgoing webhooks: a town's partners register endpoints and receive signed events.

Why in the gateway: endpoints belong to a tenant and are managed by its admins, like API keys,
so they sit beside the tenants they reference; the events come from all three services, and
services never import each other, so only a process outside them can follow them all; and the
gateway already runs a background role (`gateway-relay`: its outbox relay and jobs), which now
also consumes the source events and sends the deliveries. A new service would add a database
and deployables for two tables.

The path of one event: a service publishes it through its outbox; `handlers` consume it once
(inbox) and, in the same transaction, write one pending `WebhookDelivery` per (event, enabled
endpoint subscribed to its type); `jobs.WebhookSender` signs and posts each due delivery
through `kit.outbound` (Standard Webhooks, https://www.standardwebhooks.com/), always with the
delivery's own `webhook-id`, retrying with exponential backoff for about a day before it gives
up and disables the endpoint.
"""
