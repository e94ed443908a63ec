"""The import job of the `worker` role: claims pending imports of every tenant and runs them one
at a time. Every worker process runs it (no job lock): their claims (`FOR UPDATE SKIP LOCKED`)
share the imports out. It sleeps until the commit that queues an import wakes it, or a started
import's lease lapses (its worker died), `CATALOG_IMPORT_POLL_SECONDS` apart while an import
waits that it could not take (`kit.jobs`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from catalog.imports import repository, service
from catalog.settings import CatalogSettings
from kit.jobs import Job
from kit.runtime import ServiceRuntime


class ImportWorker:
    """Runs imports while there are some (`job`: when woken)."""

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
        return True

    async def run_until_idle(self) -> int:
        """Run imports until none is waiting; how many ran."""
        ran = 0
        while await self.run_once():
            ran += 1
        return ran

    async def next_due(self) -> datetime | None:
        """When an import not taken yet may be (the job's `due`)."""
        async with self.runtime.jobs_db.transaction() as session:
            return await repository.next_due(session)

    def job(self) -> Job:
        """The worker's import job: on every worker at once, woken by the queueing commit."""
        return Job(
            "import",
            self.settings.import_poll_seconds,
            self.run_until_idle,
            wake=repository.CHANNEL,
            due=self.next_due,
            exclusive=False,
        )
