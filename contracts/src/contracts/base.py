"""Base of every event payload: a versioned type string and tolerant parsing."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class Event(BaseModel):
    """An event payload. Subclasses set `event_type` (`<service>.<thing>.<happened>.v<N>`)."""

    # Consumers ignore fields they do not know; producers only add fields within a version.
    model_config = ConfigDict(extra="ignore", frozen=True)

    event_type: ClassVar[str]


REGISTRY: dict[str, type[Event]] = {}


def register(model: type[Event]) -> type[Event]:
    """Add `model` to the registry of known event types."""
    if model.event_type in REGISTRY:
        raise ValueError(f"event type {model.event_type} registered twice")
    REGISTRY[model.event_type] = model
    return model
