"""Usage metering: the gateway's own API request counts per tenant and month, and the monthly
usage report that adds each service's numbers to them.

Counting is an in-memory increment per request; a background task of the gateway process adds
the counts to `usage_counts` every `USAGE_FLUSH_SECONDS` (and at shutdown), one upsert per
(tenant, month), so a busy gateway writes a handful of rows a flush, not a row a request.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from gateway.routes import UPSTREAMS
from gateway.tenants.schemas import TenantRead
from gateway.upstream import ServiceCaller, Unavailable, gateway_acting_for
from gateway.usage import repository
from kit.csvout import write_csv
from kit.db import Database

log = logging.getLogger(__name__)


def current_month() -> str:
    return datetime.now(UTC).strftime("%Y-%m")


class UsageMeter:
    """Request counts not yet written to the database."""

    def __init__(self) -> None:
        self._pending: Counter[tuple[uuid.UUID, str]] = Counter()

    def count(self, tenant_id: uuid.UUID) -> None:
        """One API request of `tenant_id`, this month."""
        self._pending[(tenant_id, current_month())] += 1

    async def flush(self, db: Database) -> None:
        """Add the pending counts to the table; on failure they stay pending."""
        if not self._pending:
            return
        batch, self._pending = self._pending, Counter()
        try:
            async with db.transaction() as session:
                await repository.add_usage(session, dict(batch))
        except Exception:
            self._pending.update(batch)
            raise

    async def run(self, db: Database, every_seconds: float) -> None:
        """Flush every `every_seconds` until cancelled, then once more."""
        try:
            while True:
                await asyncio.sleep(every_seconds)
                try:
                    await self.flush(db)
                except Exception:
                    log.exception("usage counts not written; kept for the next flush")
        finally:
            await self.flush(db)


# --- the monthly report ----------------------------------------------------------------------

USAGE_PATH = "/v1/usage"
READER_ROLE = "analyst"


async def _services_part(
    services: ServiceCaller, tenant_id: uuid.UUID, month: str
) -> dict[str, Any]:
    who = gateway_acting_for(tenant_id, READER_ROLE)
    answers = await asyncio.gather(
        *(
            services.call(name, "GET", USAGE_PATH, who, params={"month": month})
            for name in UPSTREAMS
        )
    )
    part: dict[str, Any] = {}
    for name, answer in zip(UPSTREAMS, answers, strict=True):
        if isinstance(answer, Unavailable):
            part[name] = answer.section()
        elif isinstance(answer, dict):
            part[name] = {"available": True, **answer}
        else:
            part[name] = {"available": False, "reason": f"{name} answered a non-object"}
    return part


async def report(
    db: Database, services: ServiceCaller, tenants: list[TenantRead], month: str
) -> list[dict[str, Any]]:
    """Each tenant's usage in `month`: the gateway's API calls and each service's numbers."""
    async with db.transaction() as session:
        calls = await repository.usage_of_month(session, month)
    parts = await asyncio.gather(*(_services_part(services, t.id, month) for t in tenants))
    return [
        {
            "tenant_id": str(tenant.id),
            "slug": tenant.slug,
            "month": month,
            "plan": tenant.plan,
            "gateway": {"api_calls": calls.get(tenant.id, 0)},
            "services": part,
        }
        for tenant, part in zip(tenants, parts, strict=True)
    ]


def _flatten(row: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {
        "tenant_id": row["tenant_id"],
        "slug": row["slug"],
        "month": row["month"],
        "plan": row["plan"],
        "gateway.api_calls": row["gateway"]["api_calls"],
    }
    for name, part in row["services"].items():
        for key, value in part.items():
            if isinstance(value, str | int | float | bool) and key != "reason":
                flat[f"{name}.{key}"] = value
    return flat


def as_csv(rows: list[dict[str, Any]]) -> str:
    """The report as CSV, one row per tenant, one column per number (`service.metric`)."""
    flat = [_flatten(row) for row in rows]
    fixed = ["tenant_id", "slug", "month", "plan", "gateway.api_calls"]
    extra = sorted({key for row in flat for key in row} - set(fixed))
    return write_csv(flat, [*fixed, *extra])
