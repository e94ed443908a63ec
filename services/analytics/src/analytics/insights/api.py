"""Platform insight snapshots: ingestion (from the publisher's pulls) and reading."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from analytics.insights import repository as insights_repo
from analytics.insights import service
from analytics.insights.schemas import SnapshotBatch, SnapshotRead
from kit.dependencies import SessionDep
from kit.pagination import DEFAULT_LIMIT, Limit, Page

router = APIRouter(prefix="/v1/insights", tags=["insights"])


@router.post(
    "/snapshots", status_code=status.HTTP_202_ACCEPTED, operation_id="insights_snapshots_create"
)
async def ingest_snapshots(body: SnapshotBatch, session: SessionDep) -> dict[str, int]:
    """Store follower and post metric snapshots (followers feed the overview)."""
    return {"stored": await service.ingest(session, body.items)}


@router.get("/snapshots", response_model=Page[SnapshotRead])
async def list_snapshots(
    session: SessionDep,
    metric: Annotated[str | None, Query(max_length=64)] = None,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Page[SnapshotRead]:
    """Snapshots, latest taken first, optionally of one metric (cursor pagination)."""
    rows, next_cursor = await insights_repo.page(session, metric, cursor, limit)
    items = [SnapshotRead.model_validate(row) for row in rows]
    return Page[SnapshotRead](items=items, next_cursor=next_cursor)
