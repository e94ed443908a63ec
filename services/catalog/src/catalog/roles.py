"""The catalog's process roles: `api`, `relay`, and `worker` (tenant events, the scheduled
storefront sync, and the import worker)."""

import asyncio

from catalog.handlers import SUBSCRIPTIONS
from catalog.imports.jobs import ImportWorker
from catalog.settings import CatalogSettings
from catalog.storefronts.jobs import storefront_sync_job
from kit.roles import Role, event_roles
from kit.runtime import ServiceRuntime


def background_roles(runtime: ServiceRuntime) -> list[Role]:
    settings = CatalogSettings()
    roles = event_roles(runtime, SUBSCRIPTIONS, jobs=[storefront_sync_job(runtime, settings)])
    importer = ImportWorker(runtime, settings)
    return [_with_imports(role, importer) if role.kind == "worker" else role for role in roles]


def _with_imports(worker: Role, importer: ImportWorker) -> Role:
    """The worker role, also running imports (they are not periodic jobs: each is claimed)."""

    async def events_and_jobs() -> None:
        await worker.run()

    async def run() -> None:
        async with asyncio.TaskGroup() as group:
            group.create_task(events_and_jobs(), name="catalog-worker-events-jobs")
            group.create_task(importer.run_forever(), name="catalog-worker-imports")

    return Role(worker.service, worker.kind, run)
