"""Outgoing webhooks through the typed client: the partner endpoints Machi signs events to
(Standard Webhooks), each one's secret shown once when made or rotated."""

from __future__ import annotations

from uuid import UUID

from machi_client import AuthenticatedClient
from machi_client.api.webhook_endpoints import (
    webhook_endpoints_create,
    webhook_endpoints_delete,
    webhook_endpoints_list,
    webhook_endpoints_rotate_secret,
    webhook_endpoints_update,
)
from machi_client.models import (
    PageWebhookEndpointRead,
    WebhookEndpointCreate,
    WebhookEndpointCreateEventTypesItem,
    WebhookEndpointRead,
    WebhookEndpointSecret,
    WebhookEndpointUpdate,
)
from web.gateway import parsed, succeeded
from web.i18n import N_

# The events a partner may ask for, in words.
EVENTS = {
    "delivery.published": N_("A post went out on a channel"),
    "delivery.failed": N_("A post failed on a channel"),
    "channel.needs_reauth": N_("A channel needs reconnecting"),
    "conversion.recorded": N_("An order came from a link"),
    "product.published": N_("A product was published"),
    "post.approved": N_("A post was approved"),
}


async def endpoints(api: AuthenticatedClient) -> list[WebhookEndpointRead]:
    """The town's endpoints, newest first, without their secrets."""
    answer = await webhook_endpoints_list.asyncio_detailed(client=api, limit=200)
    return list(parsed(answer, PageWebhookEndpointRead).items)


async def create(
    api: AuthenticatedClient, url: str, description: str, events: list[str]
) -> WebhookEndpointSecret:
    """A new endpoint; its signing secret is in this answer only."""
    body = WebhookEndpointCreate(
        url=url,
        description=description,
        event_types=[WebhookEndpointCreateEventTypesItem(e) for e in events],
    )
    answer = await webhook_endpoints_create.asyncio_detailed(client=api, body=body)
    return parsed(answer, WebhookEndpointSecret)


async def rotate(api: AuthenticatedClient, endpoint_id: UUID) -> WebhookEndpointSecret:
    """A new signing secret, in this answer only; the old one stops signing."""
    answer = await webhook_endpoints_rotate_secret.asyncio_detailed(endpoint_id, client=api)
    return parsed(answer, WebhookEndpointSecret)


async def switch(api: AuthenticatedClient, endpoint_id: UUID, enabled: bool) -> None:
    body = WebhookEndpointUpdate(enabled=enabled)
    answer = await webhook_endpoints_update.asyncio_detailed(endpoint_id, client=api, body=body)
    succeeded(answer)


async def delete(api: AuthenticatedClient, endpoint_id: UUID) -> None:
    succeeded(await webhook_endpoints_delete.asyncio_detailed(endpoint_id, client=api))
