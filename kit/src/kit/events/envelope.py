"""The envelope every integration event travels in (DESIGN.md section 5).

`id` is also the AMQP message_id and the inbox key; `type` (`catalog.product.published.v1`) is
also the routing key. Consumers ignore unknown fields, so producers may add fields within a
version; a breaking change is a new `.vN` type published side by side.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from kit import tracing


class EventPayload(Protocol):
    """What kit needs of a payload model: its event type string and JSON dumping."""

    event_type: ClassVar[str]

    def model_dump(self, *, mode: str = ...) -> dict[str, Any]: ...


P = TypeVar("P")


class Envelope(BaseModel, Generic[P]):
    """One event on the wire."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: uuid.UUID = Field(default_factory=uuid.uuid4)
    type: str
    source: str
    occurred_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    tenant_id: uuid.UUID
    actor: str | None = None
    correlation_id: uuid.UUID | None = None
    # The span that wrote the event (W3C trace context), so its consumers join the same trace.
    traceparent: str | None = Field(default_factory=tracing.current_traceparent)
    payload: P


class PoisonMessage(Exception):
    """A message that can never be handled (unparseable, wrong shape): dead-letter it now."""
