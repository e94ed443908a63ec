"""Insight snapshots: each platform number as read, tagged with metric name and API version
(platform numbers are daily, delayed and renamed often: analytics-links.md section 0.7)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from analytics.insights import repository as insights_repo
from analytics.insights.platforms import facebook, instagram, line, mastodon, x
from analytics.insights.platforms.common import Account, InsightsError, Pull
from analytics.insights.schemas import SnapshotIn
from analytics.settings import AnalyticsSettings


async def ingest(session: AsyncSession, items: list[SnapshotIn]) -> int:
    await insights_repo.add(session, [{"id": uuid.uuid4(), **item.model_dump()} for item in items])
    return len(items)


async def fetch(http: httpx.AsyncClient, settings: AnalyticsSettings, account: Account) -> Pull:
    """Ask the account's platform for its numbers (base URLs from settings)."""
    version = settings.facebook_api_version
    if account.platform == "facebook":
        return await facebook.pull(http, settings.facebook_graph_url, version, account)
    if account.platform == "instagram":
        return await instagram.pull(http, settings.instagram_graph_url, version, account)
    if account.platform == "x":
        return await x.pull(http, settings.x_api_url, account)
    if account.platform == "line":
        return await line.pull(http, settings.line_api_url, account)
    if account.platform == "mastodon":
        return await mastodon.pull(http, account)
    raise InsightsError(f"no insights adapter for {account.platform}")


async def pull_channel(
    session: AsyncSession,
    http: httpx.AsyncClient,
    settings: AnalyticsSettings,
    channel_id: uuid.UUID,
    account: Account,
) -> Pull:
    """Pull one channel's numbers and store them as snapshots; retired metrics are skipped."""
    pulled = await fetch(http, settings, account)
    taken = datetime.now(UTC)
    await insights_repo.add(
        session,
        [
            {
                "id": uuid.uuid4(),
                "channel_id": channel_id,
                "platform": account.platform,
                "object_kind": r.object_kind,
                "object_id": r.object_id,
                "metric": r.metric,
                "value": r.value,
                "api_version": r.api_version,
                "taken_at": taken,
            }
            for r in pulled.readings
        ],
    )
    return pulled
