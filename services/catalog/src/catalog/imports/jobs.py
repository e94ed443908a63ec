"""The import worker of the `worker` role: claims pending imports of every tenant and runs them
one at a time; several worker processes share the work (`FOR UPDATE SKIP LOCKED`)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from catalog.imports import service
from catalog.settings import CatalogSettings
from kit.observability import JOB_RUNS
from kit.runtime import ServiceRuntime

log = logging.getLogger(__name__)
SERVICE = "catalog"


class ImportWorker:
    """Runs imports while there are some, then polls every `CATALOG_IMPORT_POLL_SECONDS`."""

    def __init__(
        self,
        runtime: ServiceRuntime,
        settings: CatalogSettings,
        clock: Callable[[], datetime | None] = lambda: None,
    ) -> None:
        self.runtime = runtime
        self.settings = settings
        # None: the database's clock. Tests pass their own to let a lease lapse without waiting.
        self._clock = clock

    async def run_once(self) -> bool:
        """Claim and run one import; False when none was waiting."""
        # Claims cross tenants as the jobs role; the work itself runs as the app role, under
        # the import's tenant (row-level security), like any request of that tenant.
        lease = self.settings.import_lease_seconds
        held = await service.claim(self.runtime.jobs_db, lease, self._clock())
        if held is None:
            return False
        await service.run(
            self.runtime.db,
            held,
            self.settings.import_lease_seconds,
            self.settings.import_max_attempts,
            self.settings.public_base_url,
        )
        JOB_RUNS.labels(SERVICE, "import", "ok").inc()
        return True

    async def run_until_idle(self) -> int:
        """Run imports until none is waiting; how many ran."""
        ran = 0
        while await self.run_once():
            ran += 1
        return ran

    async def run_forever(self) -> None:
        """Run imports until cancelled; a database outage is waited out."""
        while True:
            try:
                busy = await self.run_once()
            except Exception:
                JOB_RUNS.labels(SERVICE, "import", "error").inc()
                log.exception("import worker could not claim or end an import")
                busy = False
            if not busy:
                await asyncio.sleep(self.settings.import_poll_seconds)
