"""Clicks wait here, in memory, until the flusher writes them in batches: the redirect never
writes to the database. A crash loses at most one flush period of clicks."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from prometheus_client import Counter

CLICKS_BUFFERED = Counter(
    "machi_analytics_clicks_buffered_total", "Redirect clicks held in memory for the flusher"
)
CLICKS_DROPPED = Counter(
    "machi_analytics_clicks_dropped_total", "Clicks dropped because the buffer was full"
)
CLICKS_FLUSHED = Counter(
    "machi_analytics_clicks_flushed_total", "Buffered clicks written to the database"
)


@dataclass(frozen=True, slots=True)
class RawClick:
    """A request to `/r/{code}` as seen on the hot path; the IP never leaves memory."""

    code: str
    click_id: str
    occurred_at: datetime
    tenant_id: uuid.UUID | None  # None: an orphan visit (unknown code)
    link_id: uuid.UUID | None
    dimensions: dict[str, Any]
    ip: str
    user_agent: str
    referer: str
    country: str
    language: str
    head: bool


@dataclass
class ClickBuffer:
    """A list swapped out whole by each flush; bounded while the database is down."""

    max_size: int
    items: list[RawClick] = field(default_factory=list)
    dropped: int = 0
    salts: dict[date, bytes] = field(default_factory=dict)

    def add(self, click: RawClick) -> None:
        if len(self.items) >= self.max_size:
            self.dropped += 1
            CLICKS_DROPPED.inc()
            return
        self.items.append(click)
        CLICKS_BUFFERED.inc()

    def drain(self) -> list[RawClick]:
        items, self.items = self.items, []
        return items

    def requeue(self, items: list[RawClick]) -> None:
        """Put back clicks a flush could not write, oldest first, within the bound."""
        room = max(0, self.max_size - len(self.items))
        self.dropped += max(0, len(items) - room)
        CLICKS_DROPPED.inc(max(0, len(items) - room))
        self.items[:0] = items[:room]
