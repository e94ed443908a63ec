"""The publisher's playbook section (admins; the gateway reads and applies it for partner
towns), its stored post templates and its channel plans."""

from __future__ import annotations

from fastapi import APIRouter

from kit.dependencies import SessionDep
from kit.pagination import DEFAULT_LIMIT, Limit, Page
from publisher.dependencies import SettingsDep
from publisher.playbook import repository, service
from publisher.playbook.schemas import (
    ChannelPlanRead,
    PublisherPlaybookApplied,
    PublisherSection,
    TemplateRead,
    TemplateSpec,
)

router = APIRouter(prefix="/v1", tags=["playbook"])


@router.get("/playbook", response_model=PublisherSection)
async def export_playbook(session: SessionDep) -> object:
    """The tenant's templates, channel kinds and publishing settings, as a playbook section."""
    return await service.export(session)


@router.put("/playbook", response_model=PublisherPlaybookApplied)
async def apply_playbook(
    section: PublisherSection, session: SessionDep, settings: SettingsDep
) -> object:
    """Merge the section into the tenant (applying it twice equals once)."""
    return await service.apply(session, section, settings.default_timezone)


@router.get("/templates", response_model=Page[TemplateRead], tags=["templates"])
async def list_templates(
    session: SessionDep, cursor: str | None = None, limit: Limit = DEFAULT_LIMIT
) -> object:
    """The tenant's stored post templates, by name."""
    items, next_cursor = await repository.templates_page(session, cursor=cursor, limit=limit)
    return {"items": items, "next_cursor": next_cursor}


@router.post(
    "/templates",
    status_code=201,
    response_model=TemplateRead,
    tags=["templates"],
)
async def create_template(body: TemplateSpec, session: SessionDep) -> object:
    """Store a named post template with its cadence and language."""
    return await service.add_template(session, body)


@router.get("/channel-plans", response_model=Page[ChannelPlanRead], tags=["channels"])
async def list_channel_plans(
    session: SessionDep, cursor: str | None = None, limit: Limit = DEFAULT_LIMIT
) -> object:
    """Channels the town means to connect, with the policy and slots they will take, by
    platform and name."""
    items, next_cursor = await repository.plans_page(session, cursor=cursor, limit=limit)
    return {"items": items, "next_cursor": next_cursor}
