"""HTTP DTOs of the OAuth connect flows. Tokens never appear in any of them."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, Field

from publisher.channels.schemas import ApprovalPolicy, ChannelRead, OwnerKind

OAuthPlatform = Literal["facebook_page", "instagram", "x", "threads", "mastodon"]


class ConnectStart(BaseModel):
    owner_kind: OwnerKind = "town"
    owner_user: str | None = Field(default=None, max_length=200)
    approval_policy: ApprovalPolicy = "editor"
    instance_url: str | None = Field(
        default=None, max_length=300, description="Mastodon only: the account's instance."
    )


class ConnectStarted(BaseModel):
    connection_id: uuid.UUID
    authorization_url: str


class Choice(BaseModel):
    id: str
    name: str


class ConnectResult(BaseModel):
    connection_id: uuid.UUID
    stage: Literal["select", "done"]
    choices: list[Choice] = []
    channels: list[ChannelRead] = []


class PageSelection(BaseModel):
    connection_id: uuid.UUID
    ids: list[str] = Field(min_length=1, max_length=100)
