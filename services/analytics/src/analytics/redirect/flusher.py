"""The background task that flushes the click buffer every `flush_seconds`, and once more on
shutdown. Started by the API app's lifespan, so the role that buffers is the role that writes."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from analytics.redirect import service
from analytics.redirect.buffer import ClickBuffer
from analytics.settings import AnalyticsSettings
from kit.db import Database

log = logging.getLogger(__name__)


class Flusher:
    """Runs while at least one lifespan holds it (the CLI and uvicorn may both enter it)."""

    def __init__(self, db: Database, buffer: ClickBuffer, settings: AnalyticsSettings) -> None:
        self.db = db
        self.buffer = buffer
        self.settings = settings
        self._holders = 0
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()

    async def _loop(self) -> None:
        while not self._stopping.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.settings.flush_seconds)
            try:
                await service.flush(self.db, self.buffer, self.settings)
            except Exception:
                log.exception("click flush failed")

    async def start(self) -> None:
        self._holders += 1
        if self._task is None:
            self._stopping = asyncio.Event()
            self._task = asyncio.create_task(self._loop(), name="analytics-click-flusher")

    async def stop(self) -> None:
        """When the last holder leaves: let the running flush finish (never cancel it midway,
        which would drop its batch), then write what is left."""
        self._holders -= 1
        if self._holders > 0 or self._task is None:
            return
        self._stopping.set()
        await self._task
        self._task = None
        await service.flush(self.db, self.buffer, self.settings)
