"""Use cases of outgoing webhooks: a tenant's endpoints, their delivery log, and the pending
deliveries an event owes them. Only the boundary commits."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.base import Event
from gateway.webhooks import repository, signing
from gateway.webhooks.errors import (
    WebhookDeliveryNotFound,
    WebhookEndpointDisabled,
    WebhookEndpointNotFound,
)
from gateway.webhooks.models import WebhookDelivery, WebhookEndpoint
from gateway.webhooks.schemas import (
    BY_SOURCE,
    WebhookEndpointCreate,
    WebhookEndpointUpdate,
    body,
)
from kit import outbound
from kit.auth import InternalPrincipal
from kit.errors import Forbidden
from kit.events.envelope import Envelope
from kit.secrets import Sealer


def _tenant(caller: InternalPrincipal) -> uuid.UUID:
    if caller.tenant_id is None:
        raise Forbidden("webhook endpoints belong to a town")
    return caller.tenant_id


async def create_endpoint(
    session: AsyncSession,
    caller: InternalPrincipal,
    data: WebhookEndpointCreate,
    sealer: Sealer,
    policy: outbound.OutboundPolicy,
) -> tuple[WebhookEndpoint, str]:
    """A new endpoint of the caller's town, and its secret (shown once)."""
    tenant_id = _tenant(caller)
    await outbound.check_url(data.url, policy)
    secret = signing.new_secret()
    endpoint = WebhookEndpoint(
        tenant_id=tenant_id,
        url=data.url.strip(),
        description=data.description,
        event_types=sorted(set(data.event_types)),
        enabled=data.enabled,
        secret=sealer.encrypt(secret.encode()),
    )
    session.add(endpoint)
    await session.flush()
    await session.refresh(endpoint)
    return endpoint, secret


async def list_endpoints(
    session: AsyncSession, caller: InternalPrincipal, *, cursor: str | None, limit: int
) -> tuple[list[WebhookEndpoint], str | None]:
    return await repository.list_endpoints(session, _tenant(caller), cursor=cursor, limit=limit)


async def get_endpoint(
    session: AsyncSession, caller: InternalPrincipal, endpoint_id: uuid.UUID
) -> WebhookEndpoint:
    """One endpoint of the caller's town; another town's is a 404."""
    endpoint = await repository.get_endpoint(session, _tenant(caller), endpoint_id)
    if endpoint is None:
        raise WebhookEndpointNotFound(f"no webhook endpoint {endpoint_id}")
    return endpoint


async def update_endpoint(
    session: AsyncSession,
    caller: InternalPrincipal,
    endpoint_id: uuid.UUID,
    data: WebhookEndpointUpdate,
    policy: outbound.OutboundPolicy,
) -> WebhookEndpoint:
    """Change an endpoint's URL, event types, description or state; enabling it clears the
    sender's notice, and its pending deliveries go out again."""
    endpoint = await get_endpoint(session, caller, endpoint_id)
    if data.url is not None:
        await outbound.check_url(data.url, policy)
        endpoint.url = data.url.strip()
    if data.event_types is not None:
        endpoint.event_types = sorted(set(data.event_types))
    if data.description is not None:
        endpoint.description = data.description
    if data.enabled is not None:
        endpoint.enabled = data.enabled
        if data.enabled:
            endpoint.disabled_at = None
            endpoint.disabled_reason = None
            await repository.wake_sender(session)
    await session.flush()
    await session.refresh(endpoint)
    return endpoint


async def delete_endpoint(
    session: AsyncSession, caller: InternalPrincipal, endpoint_id: uuid.UUID
) -> None:
    """Remove an endpoint and its delivery log."""
    endpoint = await get_endpoint(session, caller, endpoint_id)
    await session.delete(endpoint)
    await session.flush()


async def rotate_secret(
    session: AsyncSession, caller: InternalPrincipal, endpoint_id: uuid.UUID, sealer: Sealer
) -> tuple[WebhookEndpoint, str]:
    """A new secret for an endpoint (shown once); the next attempt is signed with it."""
    endpoint = await get_endpoint(session, caller, endpoint_id)
    secret = signing.new_secret()
    endpoint.secret = sealer.encrypt(secret.encode())
    await session.flush()
    await session.refresh(endpoint)
    return endpoint, secret


async def list_deliveries(
    session: AsyncSession,
    caller: InternalPrincipal,
    endpoint_id: uuid.UUID,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[list[WebhookDelivery], str | None]:
    endpoint = await get_endpoint(session, caller, endpoint_id)
    return await repository.list_deliveries(
        session, endpoint.tenant_id, endpoint.id, cursor=cursor, limit=limit
    )


async def redeliver(
    session: AsyncSession,
    caller: InternalPrincipal,
    endpoint_id: uuid.UUID,
    delivery_id: uuid.UUID,
) -> WebhookDelivery:
    """Send a delivery again, with its same `webhook-id`, from a fresh retry schedule."""
    endpoint = await get_endpoint(session, caller, endpoint_id)
    delivery = await repository.get_delivery(session, endpoint.tenant_id, endpoint.id, delivery_id)
    if delivery is None:
        raise WebhookDeliveryNotFound(f"no delivery {delivery_id} of this endpoint")
    if not endpoint.enabled:
        raise WebhookEndpointDisabled("enable the endpoint (PATCH enabled=true) to redeliver")
    delivery.status = "pending"
    delivery.attempts = 0
    delivery.next_attempt_at = datetime.now(UTC)
    await session.flush()
    await repository.wake_sender(session)
    await session.refresh(delivery)
    return delivery


async def enqueue(session: AsyncSession, envelope: Envelope[Event]) -> int:
    """One pending delivery per endpoint of the event's town that wants it (in the event's
    inbox transaction); how many were owed."""
    event_type = BY_SOURCE[envelope.type]
    endpoints = await repository.subscribed_endpoints(session, envelope.tenant_id, event_type.name)
    content = body(event_type, envelope.occurred_at, envelope.payload)
    now = datetime.now(UTC)
    await repository.add_deliveries(
        session,
        [
            {
                "id": uuid.uuid4(),
                "tenant_id": envelope.tenant_id,
                "endpoint_id": endpoint.id,
                "event_id": envelope.id,
                "event_type": event_type.name,
                "body": content,
                "status": "pending",
                "attempts": 0,
                "next_attempt_at": now,
            }
            for endpoint in endpoints
        ],
    )
    return len(endpoints)
