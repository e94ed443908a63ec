"""Request dependencies of the publisher: its settings and credential vault."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from publisher.credentials import Vault
from publisher.settings import PublisherSettings


def get_settings(request: Request) -> PublisherSettings:
    settings: PublisherSettings = request.app.state.publisher_settings
    return settings


def get_vault(request: Request) -> Vault:
    vault: Vault = request.app.state.vault
    return vault


SettingsDep = Annotated[PublisherSettings, Depends(get_settings)]
VaultDep = Annotated[Vault, Depends(get_vault)]
EDITORS = ("admin", "editor")
WRITERS = ("admin", "editor", "writer", "photographer")
