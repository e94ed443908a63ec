"""Platform insight snapshots: ingestion (from the publisher's pulls) and reading."""

from __future__ import annotations

from fastapi import APIRouter, status

from analytics.insights import repository as insights_repo
from analytics.insights import service
from analytics.insights.schemas import SnapshotBatch, SnapshotList
from kit.dependencies import SessionDep

router = APIRouter(prefix="/v1/insights", tags=["insights"])


@router.post(
    "/snapshots", status_code=status.HTTP_202_ACCEPTED, operation_id="insights_snapshots_create"
)
async def ingest_snapshots(body: SnapshotBatch, session: SessionDep) -> dict[str, int]:
    """Store follower and post metric snapshots (followers feed the overview)."""
    return {"stored": await service.ingest(session, body.items)}


@router.get("/snapshots", response_model=SnapshotList)
async def list_snapshots(
    session: SessionDep, metric: str | None = None, limit: int = 100
) -> SnapshotList:
    """The latest snapshots, optionally of one metric."""
    rows = await insights_repo.latest(session, metric, max(1, min(limit, 500)))
    return SnapshotList.model_validate({"items": rows}, from_attributes=True)
