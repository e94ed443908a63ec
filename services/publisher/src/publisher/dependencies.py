"""Request dependencies of the publisher: its settings and credential vault."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import httpx
from fastapi import Depends, Request

from publisher.credentials import Vault
from publisher.posts.broadcast import Broadcasts
from publisher.settings import PublisherSettings


def get_settings(request: Request) -> PublisherSettings:
    settings: PublisherSettings = request.app.state.publisher_settings
    return settings


def get_vault(request: Request) -> Vault:
    vault: Vault = request.app.state.vault
    return vault


SettingsDep = Annotated[PublisherSettings, Depends(get_settings)]
VaultDep = Annotated[Vault, Depends(get_vault)]


async def platform_client(settings: SettingsDep) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for the platforms' APIs, for one request."""
    async with httpx.AsyncClient(timeout=settings.platform_timeout_seconds) as http:
        yield http


PlatformHttpDep = Annotated[httpx.AsyncClient, Depends(platform_client)]


def get_broadcasts(http: PlatformHttpDep, settings: SettingsDep, vault: VaultDep) -> Broadcasts:
    return Broadcasts(http, settings, vault)


BroadcastsDep = Annotated[Broadcasts, Depends(get_broadcasts)]
