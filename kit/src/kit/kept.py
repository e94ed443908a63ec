"""Values a process keeps for a few seconds instead of reading them on every request (a town's
languages, its store webhook secret). Each value lives `seconds` after it was put; the process
that changes one forgets it at once, another process sees the change within that bound. Bounded:
past `most` values, the lot is dropped and read again."""

from __future__ import annotations

import time
from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Kept(Generic[K, V]):
    """Values by key, each until `seconds` after it was put."""

    def __init__(self, seconds: float, most: int = 10_000) -> None:
        self.seconds = seconds
        self.most = most
        self._values: dict[K, tuple[float, V]] = {}

    def get(self, key: K) -> V | None:
        found = self._values.get(key)
        return found[1] if found is not None and found[0] > time.monotonic() else None

    def put(self, key: K, value: V) -> None:
        if len(self._values) >= self.most:
            self._values.clear()
        self._values[key] = (time.monotonic() + self.seconds, value)

    def forget(self, key: K) -> None:
        self._values.pop(key, None)
