"""HTTP DTOs of queue slots and campaigns."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

HHMM = r"^([01]\d|2[0-3]):[0-5]\d$"


class SlotCreate(BaseModel):
    channel_id: uuid.UUID
    weekday: int = Field(ge=0, le=6, description="0 = Monday")
    time: str = Field(pattern=HHMM, description="Local time HH:MM in the tenant's zone")


class SlotRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    channel_id: uuid.UUID
    weekday: int
    local_time: str
    created_at: datetime
    updated_at: datetime


class NextSlotRead(BaseModel):
    channel_id: uuid.UUID
    at: datetime


class Cadence(BaseModel):
    """One product every `every_days` days at `time` local, from `start_date`."""

    time: str = Field(default="12:00", pattern=HHMM)
    every_days: int = Field(default=1, ge=1, le=60)
    skip_weekends: bool = True
    start_date: date


class CampaignCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    product_ids: list[uuid.UUID] = Field(min_length=1, max_length=500)
    channel_ids: list[uuid.UUID] = Field(min_length=1, max_length=50)
    template: str = Field(
        min_length=1,
        max_length=10_000,
        description="Fields: {name} {producer} {price} {story} {slug}; {link} marks the link.",
    )
    cadence: Cadence
    timezone: str | None = Field(default=None, max_length=64)
    language: str | None = Field(default=None, max_length=8)
    catch_up: bool = Field(
        default=False,
        description=(
            "Accept a start that has passed: the posts planned in the past go out as soon as"
            " they are approved. Without it such a campaign is refused (422)."
        ),
    )


class CampaignRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    product_ids: list[uuid.UUID]
    channel_ids: list[uuid.UUID]
    template: str
    cadence: dict[str, Any]
    timezone: str
    language: str
    created_by: str
    created_at: datetime
    updated_at: datetime
