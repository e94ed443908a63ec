"""Channel routes: register, list, change, rotate keys, the sandbox feed."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Query

from kit.dependencies import PrincipalDep, SessionDep
from kit.outbound import OutboundDep
from kit.pagination import DEFAULT_LIMIT, Limit, Page
from publisher.channels import repository, service
from publisher.channels.schemas import (
    ChannelCreate,
    ChannelRead,
    ChannelUpdate,
    RotationResult,
    SandboxPostRead,
)
from publisher.dependencies import VaultDep

router = APIRouter(prefix="/v1/channels", tags=["channels"])


@router.post("", status_code=201, response_model=ChannelRead)
async def create_channel(
    body: ChannelCreate, session: SessionDep, vault: VaultDep, outbound: OutboundDep
) -> object:
    """Register a channel with its credentials (LINE channel token, sandbox, or a known token).
    A Mastodon `config.instance_url` aiming at a non-public address is refused (`url-refused`)."""
    return service.read(await service.create(session, vault, outbound, body))


@router.get("", response_model=Page[ChannelRead])
async def list_channels(
    session: SessionDep,
    who: PrincipalDep,
    platform: str | None = Query(default=None, max_length=20),
    owner_user: str | None = Query(
        default=None, max_length=200, description="Only the channels this user owns (`/v1/me` id)."
    ),
    postable: bool = Query(
        default=False,
        description="Only the channels the caller may post to: every one for the content team,"
        " a staff member's own accounts for anyone else.",
    ),
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """The tenant's channels, newest first."""
    items, next_cursor = await service.list_page(
        session,
        who,
        cursor=cursor,
        limit=limit,
        platform=platform,
        owner_user=owner_user,
        postable=postable,
    )
    return {"items": [service.read(c) for c in items], "next_cursor": next_cursor}


@router.post("/credentials/rotate", response_model=RotationResult)
async def rotate_credentials(session: SessionDep, vault: VaultDep) -> object:
    """Re-encrypt the tenant's credentials under the newest key (after adding one)."""
    return {"rotated": await service.rotate_credentials(session, vault)}


@router.get("/{channel_id}", response_model=ChannelRead)
async def get_channel(channel_id: uuid.UUID, session: SessionDep) -> object:
    """One channel."""
    return service.read(await service.get(session, channel_id))


@router.patch("/{channel_id}", response_model=ChannelRead)
async def update_channel(
    channel_id: uuid.UUID, body: ChannelUpdate, session: SessionDep, vault: VaultDep
) -> object:
    """Rename, set the approval policy, disable, or replace credentials."""
    return service.read(await service.update(session, vault, channel_id, body))


@router.get("/{channel_id}/feed", response_model=Page[SandboxPostRead])
async def sandbox_feed(
    channel_id: uuid.UUID,
    session: SessionDep,
    cursor: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
) -> object:
    """What a sandbox channel has published, newest first."""
    await service.get(session, channel_id)
    items, next_cursor = await repository.sandbox_feed(
        session, channel_id, cursor=cursor, limit=limit
    )
    return {"items": items, "next_cursor": next_cursor}
