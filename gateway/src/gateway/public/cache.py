"""A small in-process TTL cache for public pages and town lookups.

Entries expire after their TTL; the cache is bounded (the oldest entry goes first). It is per
process: several gateway processes each keep their own copy, each dropping a town's entries
when its catalog or posts change (`gateway.public.events`), the TTL bounding what a missed event
leaves behind.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Generic, TypeVar

V = TypeVar("V")


class TTLCache(Generic[V]):
    """Values by key, each until its own expiry."""

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[str, ...], tuple[float, V]] = OrderedDict()

    def get(self, key: tuple[str, ...]) -> V | None:
        found = self._entries.get(key)
        if found is None:
            return None
        expires, value = found
        if expires <= time.monotonic():
            del self._entries[key]
            return None
        return value

    def put(self, key: tuple[str, ...], value: V, ttl_seconds: float) -> None:
        if ttl_seconds <= 0:
            return
        self._entries[key] = (time.monotonic() + ttl_seconds, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def drop_town(self, slug: str) -> None:
        """Forget every entry of the town `slug` (keys start with it)."""
        for key in [k for k in self._entries if k and k[0] == slug]:
            del self._entries[key]
