"""DTOs of the response-time report."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

PERCENTILE_METHOD = "nearest-rank: the value at rank ceil(p/100 x n) of the n sorted times"


class InboxTimes(BaseModel):
    """Seconds; None when no conversation of the row has the milestone."""

    p50: float | None = None
    p90: float | None = None
    p99: float | None = None
    mean: float | None = Field(None, description="Rounded to 0.1 s.")


class InboxRow(BaseModel):
    """Conversations opened in the period, for one staff member, group or channel."""

    key: str | None = Field(
        description="The staff member's user id, the group id or the channel id; null: "
        "unassigned (staff) or in no group (groups)."
    )
    platform: str | None = None
    conversations: int
    answered: int = Field(description="Those with a staff reply that reached the platform.")
    resolved: int = Field(description="Those closed now.")
    first_response: InboxTimes = Field(description="From the citizen's first words to the reply.")
    resolution: InboxTimes = Field(description="From the citizen's first words to the close.")


class InboxAgeBucket(BaseModel):
    """Conversations not closed at `as_of` whose first words are this old."""

    label: str
    from_seconds: int
    to_seconds: int | None  # exclusive; None: no upper bound
    still_open: int
    unanswered: int = Field(description="Of those, the ones no staff reply had reached yet.")


class InboxDay(BaseModel):
    """One of the town's days: conversations opened, and conversations closed, on it."""

    day: date
    opened: int
    closed: int


class InboxReport(BaseModel):
    timezone: str
    start: date
    end: date
    as_of: datetime = Field(description="The end of the period, or now if sooner.")
    percentiles: str = PERCENTILE_METHOD
    totals: InboxRow
    staff: list[InboxRow]
    groups: list[InboxRow]
    channels: list[InboxRow]
    open_by_age: list[InboxAgeBucket]
    days: list[InboxDay]


class InboxDays(BaseModel):
    timezone: str
    items: list[InboxDay]


class InboxAges(BaseModel):
    as_of: datetime
    items: list[InboxAgeBucket]
