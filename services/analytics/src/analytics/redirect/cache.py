"""In-process cache of resolved codes (Dub keeps a 5 s LRU in front of Redis): the redirect
answers from memory; misses and unknown codes are remembered for `ttl` seconds."""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Target:
    """Where a code goes, and what a click on it is about."""

    tenant_id: uuid.UUID
    link_id: uuid.UUID
    destination: str
    expires_at: datetime | None
    dimensions: dict[str, Any] = field(default_factory=dict)


class LinkCache:
    """code -> Target (or None for an unknown code), each for `ttl` seconds, at most `size`."""

    def __init__(self, ttl: float, size: int) -> None:
        self.ttl = ttl
        self.size = size
        self._entries: dict[str, tuple[float, Target | None]] = {}
        self.pending: dict[str, asyncio.Future[Target | None]] = {}

    def get(self, code: str) -> tuple[bool, Target | None]:
        """(hit, target); a hit with None means the code is known to be unknown."""
        entry = self._entries.get(code)
        if entry is None or entry[0] < time.monotonic():
            return False, None
        return True, entry[1]

    def put(self, code: str, target: Target | None) -> None:
        if len(self._entries) >= self.size:
            for stale in list(self._entries)[: max(1, self.size // 10)]:
                self._entries.pop(stale, None)
        self._entries[code] = (time.monotonic() + self.ttl, target)

    def forget(self, code: str) -> None:
        self._entries.pop(code, None)
