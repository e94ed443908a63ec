"""What the edge redirect (the gateway's `/r/{code}`) and analytics exchange: a code's route
for a miss in the edge's directory, and the clicks the edge answered, in batches."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field


class LinkRouteRead(BaseModel):
    """Where `/r/{code}` leads (UTM tags applied) and what a click on it is about."""

    code: str
    tenant_id: uuid.UUID
    link_id: uuid.UUID
    destination: str
    expires_at: datetime | None = None
    dimensions: dict[str, str] = {}


class EdgeClick(BaseModel):
    """One request to `/r/{code}` as the edge saw it; the IP is used for the visitor hash and
    never stored."""

    code: str = Field(max_length=64)
    click_id: str = Field(max_length=32)
    occurred_at: datetime
    tenant_id: uuid.UUID | None = None  # None: an unknown or expired code (an orphan visit)
    link_id: uuid.UUID | None = None
    dimensions: dict[str, str] = {}
    ip: str = Field(default="", max_length=64)
    user_agent: str = Field(default="", max_length=1024)
    referer: str = Field(default="", max_length=2048)
    country: str = Field(default="", max_length=8)
    language: str = Field(default="", max_length=256)
    head: bool = False


class ClickBatch(BaseModel):
    clicks: list[EdgeClick] = Field(max_length=10_000)


class ClickBatchAccepted(BaseModel):
    accepted: int
