"""Connect routes under /v1/channels/oauth (the gateway forwards the platforms' callbacks)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from kit.dependencies import PrincipalDep, SessionDep
from kit.outbound import OutboundDep
from publisher.connect import service
from publisher.connect.schemas import (
    ConnectResult,
    ConnectStart,
    ConnectStarted,
    OAuthPlatform,
    PageSelection,
)
from publisher.dependencies import InstanceHttpDep, SettingsDep, VaultDep
from publisher.dependencies import PlatformHttpDep as HttpDep

router = APIRouter(prefix="/v1/channels/oauth", tags=["channels"])


@router.post("/{platform}/start", response_model=ConnectStarted)
async def start_connect(
    platform: OAuthPlatform,
    body: ConnectStart,
    session: SessionDep,
    settings: SettingsDep,
    vault: VaultDep,
    instances: InstanceHttpDep,
    outbound: OutboundDep,
    who: PrincipalDep,
) -> object:
    """Start connecting an account: open `authorization_url` in the user's browser. An admin
    connects any account; anyone else who posts only their own (`owner_kind` staff, owned by
    themselves, approval policy the town's), else `not-your-account`. A Mastodon
    `instance_url` aiming at a non-public address is refused (`url-refused`)."""
    return await service.start(session, settings, vault, instances, outbound, who, platform, body)


@router.get("/{platform}/callback", response_model=ConnectResult)
async def connect_callback(
    platform: OAuthPlatform,
    session: SessionDep,
    settings: SettingsDep,
    vault: VaultDep,
    http: HttpDep,
    instances: InstanceHttpDep,
    who: PrincipalDep,
    code: Annotated[str, Query(max_length=2000)],
    state: Annotated[str, Query(max_length=200)],
) -> object:
    """The platform's redirect: check the state, exchange the code, make or offer channels.
    Only who started the connection finishes it."""
    return await service.callback(
        session, settings, vault, http, instances, who, platform, code, state
    )


@router.post("/{platform}/select", response_model=ConnectResult)
async def select_pages(
    platform: OAuthPlatform,
    body: PageSelection,
    session: SessionDep,
    vault: VaultDep,
    who: PrincipalDep,
) -> object:
    """Choose which of the granted Pages (or Instagram accounts) become channels."""
    return await service.select(session, vault, who, platform, body)
