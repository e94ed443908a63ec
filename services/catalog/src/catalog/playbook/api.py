"""The catalog's playbook section, read and applied by the gateway for partner towns."""

from __future__ import annotations

from fastapi import APIRouter

from catalog.playbook import service
from catalog.playbook.service import CatalogPlaybookApplied, CatalogSection
from kit.dependencies import SessionDep

router = APIRouter(prefix="/v1", tags=["playbook"])


@router.get("/playbook", response_model=CatalogSection)
async def export_playbook(session: SessionDep) -> object:
    """The tenant's category taxonomy, as a playbook section."""
    return await service.export(session)


@router.put("/playbook", response_model=CatalogPlaybookApplied)
async def apply_playbook(section: CatalogSection, session: SessionDep) -> object:
    """Create the section's categories the tenant lacks."""
    return await service.apply(session, section)
