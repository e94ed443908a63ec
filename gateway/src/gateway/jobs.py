"""The gateway's scheduled work of its own (the audit and webhook features keep theirs)."""

from __future__ import annotations

import logging

from kit import idempotency
from kit.db import Database
from kit.jobs import Job

log = logging.getLogger(__name__)


IDEMPOTENCY_PURGE_SECONDS = 3600.0


def idempotency_purge_job(db: Database) -> Job:
    """Hourly, forget the idempotency keys past their retention (`kit.idempotency`, 24 h)."""

    async def purge() -> None:
        purged = await idempotency.purge(db)
        if purged:
            log.info("idempotency keys purged", extra={"count": purged})

    return Job("idempotency-purge", IDEMPOTENCY_PURGE_SECONDS, purge)
