"""The catalog's process roles: `api`, `relay`, and `worker` (the scheduled storefront sync)."""

from catalog.settings import CatalogSettings
from catalog.storefronts.jobs import storefront_sync_job
from kit.roles import Role, event_roles
from kit.runtime import ServiceRuntime


def background_roles(runtime: ServiceRuntime) -> list[Role]:
    return event_roles(runtime, [], jobs=[storefront_sync_job(runtime, CatalogSettings())])
