"""Request dependencies of the publisher: its settings and credential vault."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import httpx
from fastapi import Depends, Request

from kit import outbound
from kit.outbound import OutboundDep
from kit.secrets import Sealer
from publisher.posts.broadcast import Broadcasts
from publisher.settings import PublisherSettings


async def get_settings(request: Request) -> PublisherSettings:
    settings: PublisherSettings = request.app.state.publisher_settings
    return settings


async def get_vault(request: Request) -> Sealer:
    vault: Sealer = request.app.state.vault
    return vault


SettingsDep = Annotated[PublisherSettings, Depends(get_settings)]
VaultDep = Annotated[Sealer, Depends(get_vault)]


async def platform_client(settings: SettingsDep) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for the platforms' APIs, for one request."""
    async with httpx.AsyncClient(timeout=settings.platform_timeout_seconds) as http:
        yield http


PlatformHttpDep = Annotated[httpx.AsyncClient, Depends(platform_client)]


async def instance_client(
    settings: SettingsDep, policy: OutboundDep
) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for user-supplied URLs (Mastodon instances), guarded by `kit.outbound`."""
    async with outbound.client(policy, timeout=settings.platform_timeout_seconds) as http:
        yield http


InstanceHttpDep = Annotated[httpx.AsyncClient, Depends(instance_client)]


async def get_broadcasts(
    http: PlatformHttpDep, settings: SettingsDep, vault: VaultDep
) -> Broadcasts:
    return Broadcasts(http, settings, vault)


BroadcastsDep = Annotated[Broadcasts, Depends(get_broadcasts)]
