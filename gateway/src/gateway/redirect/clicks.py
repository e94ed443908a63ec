"""Clicks the edge answered, held in memory and handed to analytics in batches, off the request
path: a redirect appends to a list; a background task posts what gathered every `flush_seconds`
(and everything on shutdown) to analytics' `/internal/v1/clicks`, which buffers them as its own.

A batch analytics did not confirm goes back to the front of the queue and is sent again; a batch
that did arrive although the answer was lost is harmless, as click ids are unique there.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from kit.observability import EDGE_CLICKS

log = logging.getLogger(__name__)

QUEUED, HANDED_OVER, DROPPED = (EDGE_CLICKS.labels(o) for o in ("queued", "handed_over", "dropped"))
# Small enough that analytics reads one batch in a few milliseconds: its event loop serves
# redirects and requests between batches, not behind one long parse.
BATCH_SIZE = 250
SHUTDOWN_ATTEMPTS = 5


class ClickQueue:
    """Clicks in the order answered, bounded while analytics is away (a full queue drops the
    newest, counted)."""

    def __init__(self, max_size: int) -> None:
        self.max_size = max_size
        self.items: list[dict[str, Any]] = []

    def add(self, click: dict[str, Any]) -> None:
        if len(self.items) >= self.max_size:
            DROPPED.inc()
            return
        self.items.append(click)
        QUEUED.inc()

    def take(self, limit: int) -> list[dict[str, Any]]:
        batch, self.items = self.items[:limit], self.items[limit:]
        return batch

    def give_back(self, batch: list[dict[str, Any]]) -> None:
        room = max(0, self.max_size - len(self.items))
        DROPPED.inc(max(0, len(batch) - room))
        self.items[:0] = batch[:room]


# Takes a batch; True once analytics confirmed it.
Send = Callable[[list[dict[str, Any]]], Awaitable[bool]]


async def hand_over(queue: ClickQueue, send: Send) -> bool:
    """Send every queued click in batches; False (the rest kept) at the first refusal."""
    while queue.items:
        batch = queue.take(BATCH_SIZE)
        try:
            confirmed = await send(batch)
        except BaseException:
            queue.give_back(batch)
            raise
        if not confirmed:
            queue.give_back(batch)
            return False
        HANDED_OVER.inc(len(batch))
    return True


async def run_flusher(queue: ClickQueue, send: Send, flush_seconds: float) -> None:
    """Hand clicks over every `flush_seconds` until cancelled, then once more, retrying a few
    times, so a graceful shutdown keeps what was answered."""
    try:
        while True:
            await asyncio.sleep(flush_seconds)
            with contextlib.suppress(Exception):
                await hand_over(queue, send)
    finally:
        for attempt in range(SHUTDOWN_ATTEMPTS):
            if await hand_over(queue, send):
                break
            await asyncio.sleep(0.2 * (attempt + 1))
        if queue.items:
            log.error("clicks not handed over at shutdown", extra={"clicks": len(queue.items)})
