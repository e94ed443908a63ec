"""The scheduled storefront sync of the `worker` role: every API-backed store of every tenant."""

from __future__ import annotations

import logging

from catalog.settings import CatalogSettings
from catalog.storefronts import repository, service
from kit.errors import ProblemError
from kit.jobs import Job
from kit.outbound import OutboundPolicy
from kit.runtime import ServiceRuntime
from kit.secrets import Sealer

log = logging.getLogger(__name__)


async def sync_all(runtime: ServiceRuntime, settings: CatalogSettings) -> int:
    """Sync each store in its tenant's own transaction; one failing store stops no other."""
    db = runtime.jobs_db
    box = Sealer.of(settings)
    policy = OutboundPolicy.from_settings(runtime.settings)
    async with db.transaction() as session:
        stores = await repository.api_storefronts_of_every_tenant(session)
    synced = 0
    for storefront_id, tenant_id in stores:
        try:
            async with db.transaction(tenant_id) as session:
                await service.sync_now(session, box, settings, policy, storefront_id)
            synced += 1
        except ProblemError as exc:
            log.warning("storefront sync failed", extra={"storefront": str(storefront_id)})
            async with db.transaction(tenant_id) as session:
                await service.record_failure(session, storefront_id, exc.detail)
    return synced


def storefront_sync_job(runtime: ServiceRuntime, settings: CatalogSettings) -> Job:
    """`storefront-sync`, every `CATALOG_SYNC_INTERVAL_SECONDS`."""
    return Job(
        "storefront-sync",
        settings.sync_interval_seconds,
        lambda: sync_all(runtime, settings),
    )
