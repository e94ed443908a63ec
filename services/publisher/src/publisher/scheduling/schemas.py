"""HTTP DTOs of queue slots and campaigns."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

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
    """One product every `every_days` days at `time` local, from `start_date` (with placement
    `slots`, only `start_date` counts: each channel's own weekly slots give the times)."""

    time: str = Field(default="12:00", pattern=HHMM)
    every_days: int = Field(default=1, ge=1, le=60)
    skip_weekends: bool = True
    # Bounded so a campaign's steps never run past the calendar's last year (9999).
    start_date: date = Field(
        ge=date(2000, 1, 1), le=date(2999, 12, 31), description="From 2000-01-01 to 2999-12-31"
    )


class Rules(BaseModel):
    """Which products a campaign picks, re-read when each of its posts is made."""

    model_config = ConfigDict(extra="forbid")

    in_season: bool = Field(default=False, description="In its season months and sale window now")
    category: str | None = Field(default=None, max_length=120, description="A category's slug")
    producer_id: uuid.UUID | None = None
    in_stock: bool = Field(default=True, description="Pass over a product that has sold out")
    not_featured_days: int | None = Field(
        default=None, ge=1, le=3650, description="Not published about in the last N days"
    )
    order: Literal["newest", "least_recently_featured"] = "newest"


Placement = Literal["cadence", "slots"]
Approval = Literal["campaign", "post"]


class CampaignCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    product_ids: list[uuid.UUID] = Field(
        default=[],
        max_length=500,
        description="The products, in order; leave empty to choose them by `rules`.",
    )
    rules: Rules | None = Field(
        default=None,
        description="How products are chosen when `product_ids` is empty (and what the listed"
        " ones must still meet when their turn comes).",
    )
    steps: int | None = Field(
        default=None,
        ge=1,
        le=500,
        description="How many posts in all (default: one per listed product; required by rule).",
    )
    channel_ids: list[uuid.UUID] = Field(min_length=1, max_length=50)
    template: str | None = Field(
        default=None,
        min_length=1,
        max_length=10_000,
        description="Fields: {name} {producer} {price} {story} {season} {slug}; {link} marks the"
        " link. Or give `template_id`.",
    )
    template_id: uuid.UUID | None = Field(
        default=None, description="A stored template (its text per platform and its language)."
    )
    cadence: Cadence
    placement: Placement = Field(
        default="cadence",
        description="`cadence`: every channel at the cadence's time; `slots`: each channel on its"
        " own weekly slots.",
    )
    approval: Approval = Field(
        default="campaign",
        description="`campaign`: one editor's approval covers every post it makes; `post`: a"
        " channel whose policy asks for approval gets each post approved on its own.",
    )
    timezone: str | None = Field(default=None, max_length=64)
    language: str | None = Field(
        default=None, max_length=8, description="Default: the template's, else the town's."
    )
    catch_up: bool = Field(
        default=False,
        description=(
            "Accept a start that has passed: the posts planned in the past go out as soon as"
            " they are approved. Without it such a campaign is refused (422)."
        ),
    )


class CampaignUpdate(BaseModel):
    """An edit: the posts not yet on their way are made again from it; the rest stay."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    template: str | None = Field(default=None, min_length=1, max_length=10_000)
    template_id: uuid.UUID | None = None
    rules: Rules | None = None
    channel_ids: list[uuid.UUID] | None = Field(default=None, min_length=1, max_length=50)
    steps: int | None = Field(default=None, ge=1, le=500)
    language: str | None = Field(default=None, max_length=8)


class SkippedProduct(BaseModel):
    product_id: uuid.UUID
    reason: str
    at: datetime


class CampaignRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    status: str = Field(
        description="draft, submitted, running, paused, finished or cancelled",
    )
    product_ids: list[uuid.UUID]
    rules: dict[str, Any]
    steps: int
    made: int = Field(description="Posts made so far (withdrawn ones not counted)")
    channel_ids: list[uuid.UUID]
    template: str
    template_id: uuid.UUID | None
    cadence: dict[str, Any]
    placement: str
    approval: str
    approved_by: str | None
    catch_up: bool
    timezone: str
    language: str
    skipped: list[SkippedProduct] = Field(
        description="Products passed over when their turn came, with why (sold out, archived...)"
    )
    created_by: str
    created_at: datetime
    updated_at: datetime
