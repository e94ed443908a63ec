"""The catalog's process roles: `api`, `relay`, and `worker` (tenant events, the scheduled
storefront sync, and the import job)."""

from catalog.handlers import SUBSCRIPTIONS
from catalog.imports.jobs import ImportWorker
from catalog.settings import CatalogSettings
from catalog.storefronts.jobs import storefront_sync_job
from kit.roles import Role, event_roles
from kit.runtime import ServiceRuntime


def background_roles(runtime: ServiceRuntime) -> list[Role]:
    settings = CatalogSettings()
    jobs = [storefront_sync_job(runtime, settings), ImportWorker(runtime, settings).job()]
    return event_roles(runtime, SUBSCRIPTIONS, jobs=jobs)
