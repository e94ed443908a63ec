"""HTTP DTOs of channels. Credentials go in, never out."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Platform = Literal["facebook_page", "instagram", "x", "line", "mastodon", "threads", "sandbox"]
OwnerKind = Literal["town", "shop", "staff"]
ApprovalPolicy = Literal["none", "editor"]

# Scopes each platform needs to publish (reference 4.1-4.6), to show what a connection lacks.
REQUIRED_SCOPES: dict[str, list[str]] = {
    "facebook_page": ["pages_manage_posts", "pages_read_engagement"],
    "instagram": ["instagram_basic", "instagram_content_publish"],
    "threads": ["threads_basic", "threads_content_publish"],
    "x": ["tweet.read", "tweet.write", "users.read", "offline.access"],
    "mastodon": ["write:statuses", "write:media"],
    "line": [],
    "sandbox": [],
}
# Config keys safe to show (never a token): the rest stays inside.
PUBLIC_CONFIG = ("instance_url", "max_characters", "characters_reserved_per_url", "username")


class ChannelCreate(BaseModel):
    platform: Platform
    name: str = Field(min_length=1, max_length=200)
    owner_kind: OwnerKind = "town"
    owner_user: str | None = Field(default=None, max_length=200)
    external_id: str | None = Field(default=None, max_length=200)
    approval_policy: ApprovalPolicy = "editor"
    credentials: dict[str, str] = Field(default_factory=dict, description="Write-only.")
    config: dict[str, Any] = Field(default_factory=dict)
    scopes: list[str] = Field(default_factory=list)
    token_expires_at: datetime | None = None


class ChannelUpdate(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    approval_policy: ApprovalPolicy | None = None
    status: Literal["active", "disabled"] | None = None
    credentials: dict[str, str] | None = Field(default=None, description="Write-only.")


class ChannelRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    platform: str
    name: str
    owner_kind: str
    owner_user: str | None
    external_id: str | None
    status: str
    status_reason: str | None
    approval_policy: str
    token_expires_at: datetime | None
    scopes: list[str]
    missing_scopes: list[str]
    config: dict[str, Any]
    has_credentials: bool
    created_at: datetime


class SandboxPostRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    delivery_id: uuid.UUID
    text: str
    created_at: datetime


class RotationResult(BaseModel):
    rotated: int
