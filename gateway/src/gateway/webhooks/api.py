"""Routes of outgoing webhooks (`/v1/webhook-endpoints`), and the `webhooks` section of the
OpenAPI document: one entry per event type, with the body partners receive."""

# No `from __future__ import annotations`: `document_webhooks` annotates with a model chosen at
# run time, which FastAPI must see as a class, not as a name to look up.
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request, Response, status

from gateway.audit import service as audit
from gateway.dependencies import CallerDep, GatewaySessionDep
from gateway.state import get_state
from gateway.webhooks import service
from gateway.webhooks.models import WebhookEndpoint
from gateway.webhooks.schemas import (
    EVENT_TYPES,
    WEBHOOK_BODIES,
    WebhookDeliveryRead,
    WebhookEndpointCreate,
    WebhookEndpointRead,
    WebhookEndpointSecret,
    WebhookEndpointUpdate,
)
from kit.outbound import OutboundDep
from kit.pagination import DEFAULT_LIMIT, Limit, Page
from kit.secrets import Sealer

router = APIRouter(prefix="/v1/webhook-endpoints", tags=["webhook-endpoints"])


async def get_sealer(request: Request) -> Sealer:
    sealer = get_state(request).sealer
    return sealer


SealerDep = Annotated[Sealer, Depends(get_sealer)]


def _target(endpoint_id: uuid.UUID) -> str:
    return f"webhook_endpoint:{endpoint_id}"


def _with_secret(endpoint: WebhookEndpoint, secret: str) -> WebhookEndpointSecret:
    read = WebhookEndpointRead.model_validate(endpoint)
    return WebhookEndpointSecret(**read.model_dump(), secret=secret)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=WebhookEndpointSecret)
async def create_webhook_endpoint(
    data: WebhookEndpointCreate,
    caller: CallerDep,
    session: GatewaySessionDep,
    sealer: SealerDep,
    policy: OutboundDep,
) -> object:
    """Register a partner endpoint; its signing `secret` is in this response only. A URL of a
    private network is refused (`url-refused`)."""
    endpoint, secret = await service.create_endpoint(session, caller, data, sealer, policy)
    await audit.record(session, caller, "webhook_endpoint.created", _target(endpoint.id))
    return _with_secret(endpoint, secret)


@router.get("", response_model=Page[WebhookEndpointRead])
async def list_webhook_endpoints(
    caller: CallerDep,
    session: GatewaySessionDep,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """The town's webhook endpoints, newest first, without their secrets."""
    items, next_cursor = await service.list_endpoints(session, caller, cursor=cursor, limit=limit)
    return {"items": items, "next_cursor": next_cursor}


@router.get("/{endpoint_id}", response_model=WebhookEndpointRead)
async def get_webhook_endpoint(
    endpoint_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """One webhook endpoint, with the notice if the sender disabled it."""
    return await service.get_endpoint(session, caller, endpoint_id)


@router.patch("/{endpoint_id}", response_model=WebhookEndpointRead)
async def update_webhook_endpoint(
    endpoint_id: uuid.UUID,
    data: WebhookEndpointUpdate,
    caller: CallerDep,
    session: GatewaySessionDep,
    policy: OutboundDep,
) -> object:
    """Change the URL, event types or description, or disable or enable the endpoint."""
    before = WebhookEndpointRead.model_validate(
        await service.get_endpoint(session, caller, endpoint_id)
    ).model_dump(mode="json")
    endpoint = await service.update_endpoint(session, caller, endpoint_id, data, policy)
    after = WebhookEndpointRead.model_validate(endpoint).model_dump(mode="json")
    await audit.record(
        session,
        caller,
        "webhook_endpoint.updated",
        _target(endpoint_id),
        before=before,
        after=after,
    )
    return endpoint


@router.delete("/{endpoint_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_webhook_endpoint(
    endpoint_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep
) -> Response:
    """Remove the endpoint and its delivery log; nothing more is sent to it."""
    await service.delete_endpoint(session, caller, endpoint_id)
    await audit.record(session, caller, "webhook_endpoint.deleted", _target(endpoint_id))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{endpoint_id}/rotate-secret", response_model=WebhookEndpointSecret)
async def rotate_webhook_endpoint_secret(
    endpoint_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep, sealer: SealerDep
) -> object:
    """Replace the signing secret; the new one is in this response only."""
    endpoint, secret = await service.rotate_secret(session, caller, endpoint_id, sealer)
    await audit.record(session, caller, "webhook_endpoint.secret_rotated", _target(endpoint_id))
    return _with_secret(endpoint, secret)


@router.get("/{endpoint_id}/deliveries", response_model=Page[WebhookDeliveryRead])
async def list_webhook_deliveries(
    endpoint_id: uuid.UUID,
    caller: CallerDep,
    session: GatewaySessionDep,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """The endpoint's delivery log, newest first: status, attempts, last answer, next try."""
    items, next_cursor = await service.list_deliveries(
        session, caller, endpoint_id, cursor=cursor, limit=limit
    )
    return {"items": items, "next_cursor": next_cursor}


@router.post(
    "/{endpoint_id}/deliveries/{delivery_id}/redeliver",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=WebhookDeliveryRead,
)
async def redeliver_webhook_delivery(
    endpoint_id: uuid.UUID, delivery_id: uuid.UUID, caller: CallerDep, session: GatewaySessionDep
) -> object:
    """Send a delivery again soon, with the same `webhook-id`; 409 while the endpoint is
    disabled."""
    delivery = await service.redeliver(session, caller, endpoint_id, delivery_id)
    await audit.record(
        session, caller, "webhook_delivery.redelivered", f"webhook_delivery:{delivery_id}"
    )
    return delivery


SIGNATURE_HEADERS = (
    "Signed per Standard Webhooks (https://www.standardwebhooks.com/): `webhook-id` (the same"
    " on every retry and redelivery), `webhook-timestamp` (Unix seconds) and"
    " `webhook-signature` (`v1,` + base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` keyed with"
    " the base64-decoded part of the endpoint's `whsec_` secret). Answer 2xx within 10 s;"
    " anything else is retried with backoff for about a day."
)


def document_webhooks(webhooks: APIRouter) -> None:
    """One entry per event type in the OpenAPI `webhooks` section, with the body sent."""
    for name, event in EVENT_TYPES.items():
        model = WEBHOOK_BODIES[name]

        async def receive(
            payload: model,  # type: ignore[valid-type]
            webhook_id: Annotated[str, Header()],
            webhook_timestamp: Annotated[str, Header()],
            webhook_signature: Annotated[str, Header()],
        ) -> None:
            """Documentation only: what a partner endpoint receives."""

        webhooks.add_api_route(
            name,
            receive,
            methods=["POST"],
            summary=event.description,
            description=SIGNATURE_HEADERS,
            operation_id=f"webhook_{name.replace('.', '_')}",
            tags=["webhook-endpoints"],
            status_code=status.HTTP_200_OK,
            response_description="Received; any 2xx will do",
        )
