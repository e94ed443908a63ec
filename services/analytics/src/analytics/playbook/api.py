"""The analytics playbook section, read and applied by the gateway for partner towns."""

from __future__ import annotations

from fastapi import APIRouter

from analytics.dependencies import ContextDep
from analytics.playbook import service
from analytics.playbook.schemas import AnalyticsPlaybookApplied, AnalyticsSection
from analytics.tracking.api import tenant_of
from kit.dependencies import PrincipalDep, SessionDep

router = APIRouter(prefix="/v1", tags=["playbook"])


@router.get("/playbook", response_model=AnalyticsSection)
async def export_playbook(session: SessionDep, principal: PrincipalDep, ctx: ContextDep) -> object:
    """The tenant's tracking switches and attribution window, as a playbook section."""
    window = ctx.settings.attribution_window_days
    return await service.export(session, tenant_of(principal), window)


@router.put("/playbook", response_model=AnalyticsPlaybookApplied)
async def apply_playbook(
    section: AnalyticsSection, session: SessionDep, principal: PrincipalDep, ctx: ContextDep
) -> object:
    """Set the section's tracking settings on the tenant."""
    window = ctx.settings.attribution_window_days
    return await service.apply(session, tenant_of(principal), section, window)
