"""Insight snapshots: each platform number as read, tagged with metric name and API version
(platform numbers are daily, delayed and renamed often: analytics-links.md section 0.7). The
publisher pulls them (it holds the tokens) and sends `publisher.insights.collected.v1`."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from analytics.insights import repository as insights_repo
from analytics.insights.schemas import OWNER_KINDS, SnapshotIn
from contracts.publisher import InsightsCollectedV1


async def ingest(session: AsyncSession, items: list[SnapshotIn]) -> int:
    await insights_repo.add(session, [{"id": uuid.uuid4(), **item.model_dump()} for item in items])
    return len(items)


async def record_collected(session: AsyncSession, collected: InsightsCollectedV1) -> int:
    """Store one pull's readings as snapshots taken at the pull's time."""
    items = [
        SnapshotIn(
            channel_id=collected.channel_id,
            platform=collected.platform,
            owner_kind=OWNER_KINDS.get(collected.owner_kind, "town"),
            taken_at=collected.taken_at,
            **reading.model_dump(),
        )
        for reading in collected.readings
    ]
    return await ingest(session, items)
