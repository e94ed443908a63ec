"""A small in-process TTL cache for public pages and town lookups, and single-flight builds.

Entries expire after their TTL; the cache is bounded (the oldest entry goes first). It is per
process: several gateway processes each keep their own copy, each rebuilding a town's entries
when its catalog or posts change (`gateway.public.events`), the TTL bounding what a missed event
leaves behind. `SingleFlight` runs one build per key at a time, however many visitors miss it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from typing import Any, Generic, TypeVar

V = TypeVar("V")
Key = tuple[object, ...]
Build = Callable[[], Coroutine[Any, Any, V]]
log = logging.getLogger(__name__)


class TTLCache(Generic[V]):
    """Values by key, each until its own expiry."""

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[str, ...], tuple[float, V]] = OrderedDict()

    def get(self, key: tuple[str, ...]) -> V | None:
        found = self.lookup(key)
        return None if found is None else found[0]

    def lookup(self, key: tuple[str, ...]) -> tuple[V, float] | None:
        """The value of `key` and the seconds it has left, unless it expired."""
        found = self._entries.get(key)
        if found is None:
            return None
        expires, value = found
        left = expires - time.monotonic()
        if left <= 0:
            del self._entries[key]
            return None
        return value, left

    def clear(self) -> None:
        self._entries.clear()

    def put(self, key: tuple[str, ...], value: V, ttl_seconds: float) -> None:
        if ttl_seconds <= 0:
            return
        self._entries[key] = (time.monotonic() + ttl_seconds, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)


class SingleFlight(Generic[V]):
    """One build per key at a time: whoever asks while it runs shares its result (or error).

    A build is a task of its own, so a visitor who leaves does not cancel it for the others.
    """

    def __init__(self) -> None:
        self._running: dict[Key, asyncio.Task[V]] = {}

    async def run(self, key: Key, build: Build[V]) -> V:
        """The result of the build of `key` running now, or of a new one."""
        return await asyncio.shield(self._task(key, build))

    def start(self, key: Key, build: Build[V]) -> None:
        """Build `key` in the background unless it is being built; a failure is only logged."""
        if key not in self._running:
            self._task(key, build).add_done_callback(_log_failure)

    def _task(self, key: Key, build: Build[V]) -> asyncio.Task[V]:
        task = self._running.get(key)
        if task is None:
            task = asyncio.create_task(build())
            self._running[key] = task
            task.add_done_callback(lambda done: self._forget(key, done))
        return task

    def _forget(self, key: Key, done: asyncio.Task[V]) -> None:
        if self._running.get(key) is done:
            del self._running[key]


def _log_failure(task: asyncio.Task[object]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("background page refresh failed", exc_info=task.exception())


SOURCE_REUSE_SECONDS = 1.0  # how long a service's answer serves the builds of a town's pages

Fetch = Callable[[], Coroutine[Any, Any, Any]]


class _Asked:
    """One question to a service: its answer (a task, shared while it runs) and when and at
    which generation of the town it was asked."""

    __slots__ = ("asked_at", "for_change", "generation", "task")

    def __init__(self, generation: int, for_change: bool, task: asyncio.Task[Any]) -> None:
        self.generation = generation
        self.for_change = for_change
        self.asked_at = time.monotonic()
        self.task = task


class Sources:
    """The services' answers a town's pages are built from, shared by the builds of a second.

    A town's pages (its page, its store, each product, in each language) ask the services the
    same few questions: its published products, listings, links, producers. An answer asked
    less than `SOURCE_REUSE_SECONDS` ago serves every build that asks the same question, when
    it is of the town's current generation, or when it was itself asked because the town
    changed. So a town whose stock changes many times a second costs each question once a
    second, however many pages and languages are rebuilt, while the first change after a quiet
    spell is asked at once. `ask` says the generation the answer is of; a page built from an
    answer older than the town is built again (`PublicState`), so a change shows within about
    two seconds at most.
    """

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._asked: dict[Key, _Asked] = {}

    async def ask(self, key: Key, generation: int, fetch: Fetch) -> tuple[Any, int]:
        """The answer to `key` (asked now, or shared) and the town generation it is of."""
        asked = self._asked.get(key)
        now = time.monotonic()
        fresh = asked is not None and now - asked.asked_at < SOURCE_REUSE_SECONDS
        if asked is None or not (fresh and (asked.generation >= generation or asked.for_change)):
            changed = asked is not None and asked.generation < generation
            asked = _Asked(generation, changed, asyncio.create_task(fetch()))
            self._keep(key, asked)
        try:
            return await asyncio.shield(asked.task), asked.generation
        except Exception:
            if self._asked.get(key) is asked:  # a failure is not shared after the fact
                del self._asked[key]
            raise

    def _keep(self, key: Key, asked: _Asked) -> None:
        if len(self._asked) >= self.max_entries:
            cutoff = time.monotonic() - SOURCE_REUSE_SECONDS
            self._asked = {k: a for k, a in self._asked.items() if a.asked_at > cutoff}
        self._asked[key] = asked
