"""Usage counter queries. No commits here: the boundary commits."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.usage.models import UsageCount


async def add_usage(session: AsyncSession, counts: dict[tuple[uuid.UUID, str], int]) -> None:
    """Add request counts per (tenant, month) in one statement per row (upsert)."""
    for (tenant_id, month), calls in counts.items():
        statement = insert(UsageCount).values(tenant_id=tenant_id, month=month, api_calls=calls)
        await session.execute(
            statement.on_conflict_do_update(
                index_elements=[UsageCount.tenant_id, UsageCount.month],
                set_={"api_calls": UsageCount.api_calls + statement.excluded.api_calls},
            )
        )


async def usage_of_month(session: AsyncSession, month: str) -> dict[uuid.UUID, int]:
    """API calls of every tenant in `month`."""
    found = await session.execute(
        select(UsageCount.tenant_id, UsageCount.api_calls).where(UsageCount.month == month)
    )
    return {row[0]: int(row[1]) for row in found.all()}
