"""Slot and campaign routes."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Query, Response

from kit.dependencies import PrincipalDep, SessionDep
from kit.pagination import DEFAULT_LIMIT, Limit, Page
from publisher.dependencies import BroadcastsDep, SettingsDep
from publisher.posts.schemas import PostRead
from publisher.scheduling import repository, service
from publisher.scheduling.schemas import (
    CampaignCreate,
    CampaignRead,
    CampaignUpdate,
    NextSlotRead,
    SlotCreate,
    SlotRead,
)

slots = APIRouter(prefix="/v1/slots", tags=["slots"])
campaigns = APIRouter(prefix="/v1/campaigns", tags=["campaigns"])


@slots.post("", status_code=201, response_model=SlotRead)
async def create_slot(body: SlotCreate, session: SessionDep, who: PrincipalDep) -> object:
    """Add a weekly queue slot to a channel (local time in the tenant's zone)."""
    return await service.add_slot(session, who, body)


@slots.get("", response_model=Page[SlotRead])
async def list_slots(
    session: SessionDep,
    channel_id: uuid.UUID | None = None,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """Queue slots, of one channel or all, by weekday and time of day."""
    items, next_cursor = await repository.slots_page(
        session, channel_id=channel_id, cursor=cursor, limit=limit
    )
    return {"items": items, "next_cursor": next_cursor}


@slots.get("/next", response_model=NextSlotRead)
async def next_free_slot(
    channel_id: uuid.UUID,
    session: SessionDep,
    settings: SettingsDep,
    timezone: str | None = Query(default=None, max_length=64),
) -> object:
    """The channel's next slot that no delivery holds."""
    at = await service.next_slot(session, settings, channel_id, timezone)
    return {"channel_id": channel_id, "at": at}


@slots.delete("/{slot_id}", status_code=204)
async def delete_slot(slot_id: uuid.UUID, session: SessionDep) -> Response:
    """Remove a queue slot."""
    await service.remove_slot(session, slot_id)
    return Response(status_code=204)


@campaigns.post("", status_code=201, response_model=CampaignRead)
async def create_campaign(
    body: CampaignCreate, session: SessionDep, who: PrincipalDep, settings: SettingsDep
) -> object:
    """Create a campaign; the posts due within the look-ahead horizon are made at once, the
    others step by step later, each product chosen when its post is made."""
    return await service.create_campaign(session, settings, who, body)


@campaigns.get("", response_model=Page[CampaignRead])
async def list_campaigns(
    session: SessionDep,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """The tenant's campaigns, newest first."""
    items, next_cursor = await repository.list_campaigns(session, cursor=cursor, limit=limit)
    return {"items": items, "next_cursor": next_cursor}


@campaigns.get("/{campaign_id}", response_model=CampaignRead)
async def get_campaign(campaign_id: uuid.UUID, session: SessionDep) -> object:
    """One campaign."""
    return await service.get_campaign(session, campaign_id)


@campaigns.get("/{campaign_id}/posts", response_model=Page[PostRead])
async def campaign_posts(
    campaign_id: uuid.UUID,
    session: SessionDep,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """The campaign's posts in planned order."""
    items, next_cursor = await service.campaign_posts_page(
        session, campaign_id, cursor=cursor, limit=limit
    )
    return {"items": items, "next_cursor": next_cursor}


@campaigns.post("/{campaign_id}/submit", response_model=list[PostRead])
async def submit_campaign(
    campaign_id: uuid.UUID,
    session: SessionDep,
    who: PrincipalDep,
    settings: SettingsDep,
    broadcasts: BroadcastsDep,
) -> object:
    """Submit every draft of the campaign."""
    return await service.submit_campaign(session, settings, who, campaign_id, broadcasts)


@campaigns.post(
    "/{campaign_id}/approve",
    response_model=list[PostRead],
)
async def approve_campaign(
    campaign_id: uuid.UUID, session: SessionDep, who: PrincipalDep, settings: SettingsDep
) -> object:
    """Approve the campaign's submitted posts; each is scheduled at its planned time."""
    return await service.approve_campaign(session, settings, who, campaign_id)


@campaigns.patch("/{campaign_id}", response_model=CampaignRead)
async def update_campaign(
    campaign_id: uuid.UUID,
    body: CampaignUpdate,
    session: SessionDep,
    who: PrincipalDep,
    settings: SettingsDep,
) -> object:
    """Edit a campaign: the posts not yet on their way are made again; a change of words,
    products or channels asks for approval again."""
    return await service.update_campaign(session, settings, who, campaign_id, body)


@campaigns.post("/{campaign_id}/pause", response_model=CampaignRead)
async def pause_campaign(campaign_id: uuid.UUID, session: SessionDep, who: PrincipalDep) -> object:
    """Pause a campaign: its posts not yet on their way are taken back."""
    return await service.pause_campaign(session, who, campaign_id)


@campaigns.post("/{campaign_id}/resume", response_model=CampaignRead)
async def resume_campaign(
    campaign_id: uuid.UUID, session: SessionDep, who: PrincipalDep, settings: SettingsDep
) -> object:
    """Resume a paused campaign from now (from where it stopped, if it catches up)."""
    return await service.resume_campaign(session, settings, who, campaign_id)


@campaigns.post("/{campaign_id}/cancel", response_model=CampaignRead)
async def cancel_campaign(campaign_id: uuid.UUID, session: SessionDep, who: PrincipalDep) -> object:
    """End a campaign: its future posts and their deliveries are cancelled."""
    return await service.cancel_campaign(session, who, campaign_id)
