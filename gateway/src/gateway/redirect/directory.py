"""The edge's link directory: code -> where it leads, in this process's memory.

Filled by `analytics.link.routed.v1` events as links are made, edited or dropped, and by a
lookup at analytics for a code not seen yet. Entries expire (`ttl`), so a routing event missed
while the broker was away costs at most that long; unknown codes are remembered for a shorter
time (`unknown_ttl`), so a link made a moment ago is found soon even before its event arrives.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class EdgeLink:
    """Where a code goes (UTM tags applied), and what a click on it is about."""

    tenant_id: uuid.UUID
    link_id: uuid.UUID
    destination: str
    expires_at: datetime | None = None
    dimensions: dict[str, str] = field(default_factory=dict)

    def is_live(self, now: datetime) -> bool:
        return self.expires_at is None or self.expires_at > now


class LinkDirectory:
    """code -> EdgeLink, or None for a code known to lead nowhere; at most `size` codes."""

    def __init__(self, ttl: float, unknown_ttl: float, size: int = 100_000) -> None:
        self.ttl = ttl
        self.unknown_ttl = unknown_ttl
        self.size = size
        self._entries: dict[str, tuple[float, EdgeLink | None]] = {}

    def get(self, code: str) -> tuple[bool, EdgeLink | None]:
        """(known, link): known with None means the code leads nowhere."""
        entry = self._entries.get(code)
        if entry is None or entry[0] < time.monotonic():
            return False, None
        return True, entry[1]

    def put(self, code: str, link: EdgeLink | None) -> None:
        if len(self._entries) >= self.size and code not in self._entries:
            for oldest in list(self._entries)[: max(1, self.size // 10)]:
                del self._entries[oldest]
        ttl = self.ttl if link is not None else self.unknown_ttl
        self._entries[code] = (time.monotonic() + ttl, link)

    def forget(self, code: str) -> None:
        self._entries.pop(code, None)
