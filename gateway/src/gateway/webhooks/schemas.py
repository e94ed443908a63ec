"""The event types partners subscribe to, the body each one is sent with, and the HTTP DTOs."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from contracts.analytics import ConversionRecordedV1
from contracts.base import Event
from contracts.catalog import ProductPublishedV1
from contracts.publisher import (
    ChannelNeedsReauthV1,
    DeliveryFailedV1,
    DeliveryPublishedV1,
    PostApprovedV1,
)


@dataclass(frozen=True)
class EventType:
    """A public event type: its name, the internal event it is made from, what it means."""

    name: str
    source: type[Event]
    description: str


EVENT_TYPES: dict[str, EventType] = {
    e.name: e
    for e in (
        EventType("delivery.published", DeliveryPublishedV1, "A post went out on one channel."),
        EventType(
            "delivery.failed", DeliveryFailedV1, "A post could not be published on one channel."
        ),
        EventType(
            "channel.needs_reauth",
            ChannelNeedsReauthV1,
            "A channel's login expired or was revoked; an admin must connect it again.",
        ),
        EventType(
            "conversion.recorded",
            ConversionRecordedV1,
            "A store order was recorded and attributed to a tracked link.",
        ),
        EventType("product.published", ProductPublishedV1, "A product is on sale in the catalog."),
        EventType("post.approved", PostApprovedV1, "An editor approved a post."),
    )
}
BY_SOURCE: dict[str, EventType] = {e.source.event_type: e for e in EVENT_TYPES.values()}
EventName = Literal[
    "delivery.published",
    "delivery.failed",
    "channel.needs_reauth",
    "conversion.recorded",
    "product.published",
    "post.approved",
]


def body(event_type: EventType, occurred_at: datetime, payload: Event) -> dict[str, Any]:
    """What a partner receives: the Standard Webhooks payload shape (`type`, `timestamp`,
    `data`)."""
    return {
        "type": event_type.name,
        "timestamp": occurred_at.isoformat(),
        "data": payload.model_dump(mode="json"),
    }


def _title(name: str) -> str:
    return "".join(part.capitalize() for part in name.replace("_", ".").split("."))


# The body of each event type as a model, for the OpenAPI `webhooks` section.
WEBHOOK_BODIES: dict[str, type[BaseModel]] = {
    name: create_model(
        f"{_title(name)}Webhook",
        __doc__=event.description,
        type=(Literal[name], ...),  # type: ignore[arg-type]
        timestamp=(datetime, Field(description="When the event happened.")),
        data=(event.source, ...),
    )
    for name, event in EVENT_TYPES.items()
}


class WebhookEndpointCreate(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "url": "https://partner.example/machi/webhooks",
                    "event_types": ["delivery.published", "conversion.recorded"],
                    "description": "Tourism board dashboard",
                }
            ]
        }
    )

    url: str = Field(min_length=1, max_length=2000, description="An https URL of a public host.")
    event_types: list[EventName] = Field(min_length=1)
    description: str = Field(default="", max_length=200)
    enabled: bool = True


class WebhookEndpointUpdate(BaseModel):
    url: str | None = Field(default=None, min_length=1, max_length=2000)
    event_types: list[EventName] | None = Field(default=None, min_length=1)
    description: str | None = Field(default=None, max_length=200)
    enabled: bool | None = Field(
        default=None, description="true also clears a `disabled_reason` the sender left."
    )


class WebhookEndpointRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    url: str
    description: str
    event_types: list[str]
    enabled: bool
    disabled_at: datetime | None = Field(description="When the sender gave up and disabled it.")
    disabled_reason: str | None
    created_at: datetime
    updated_at: datetime


class WebhookEndpointSecret(WebhookEndpointRead):
    secret: str = Field(
        description="`whsec_<base64>`, the key of the signatures; shown once, store it now."
    )


class WebhookDeliveryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    webhook_id: str = Field(description="The `webhook-id` header of every attempt.")
    event_type: str
    event_id: uuid.UUID
    status: Literal["pending", "succeeded", "failed"]
    attempts: int
    last_status_code: int | None = Field(description="The partner's last HTTP status.")
    last_error: str | None = Field(description="Why the last attempt failed, in short.")
    next_attempt_at: datetime | None
    delivered_at: datetime | None
    created_at: datetime
    updated_at: datetime
