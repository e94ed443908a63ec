"""DTOs of the slot suggestions."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, Field


class SlotSuggestion(BaseModel):
    """One weekly slot the town's own clicks recommend, in the town's local time."""

    weekday: int = Field(description="0 = Monday")
    time: str = Field(description="Local time HH:MM in the town's timezone")
    samples: int = Field(description="Deliveries published at that hour in the period")
    average_clicks: float = Field(description="Their posts' clicks in the first 24 hours")
    exists: bool = Field(description="The channel has this slot already")


class SlotSuggestions(BaseModel):
    channel_id: uuid.UUID
    timezone: str
    items: list[SlotSuggestion]


class SlotSuggestionsAccepted(SlotSuggestions):
    created: int = Field(description="Slots this call added; the others existed already")
