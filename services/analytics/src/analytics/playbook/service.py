"""The analytics section of a playbook: the tracking switches and attribution window a
partner town starts from (never webhook secrets or store domains, which are one town's)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from analytics.playbook.schemas import AnalyticsPlaybookApplied, AnalyticsSection, TrackingDefaults
from analytics.tracking import service as tracking
from analytics.tracking.schemas import TrackingUpdate


async def export(session: AsyncSession, tenant_id: uuid.UUID, window_days: int) -> AnalyticsSection:
    """The tenant's reusable tracking settings."""
    row = await tracking.settings_of(session, tenant_id, window_days)
    return AnalyticsSection(tracking=TrackingDefaults.model_validate(row))


async def apply(
    session: AsyncSession, tenant_id: uuid.UUID, section: AnalyticsSection, window_days: int
) -> AnalyticsPlaybookApplied:
    """Set the section's settings on the tenant (applying twice equals once)."""
    before = (await export(session, tenant_id, window_days)).tracking.model_dump()
    wanted = section.tracking.model_dump()
    await tracking.update(session, tenant_id, TrackingUpdate(**wanted), window_days)
    return AnalyticsPlaybookApplied(
        settings_changed=sorted(k for k, v in wanted.items() if before[k] != v)
    )
