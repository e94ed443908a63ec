"""HTTP DTOs of channels. Credentials go in, never out."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Platform = Literal["facebook_page", "instagram", "x", "line", "mastodon", "threads", "sandbox"]
OwnerKind = Literal["town", "shop", "staff"]
ApprovalPolicy = Literal["none", "editor"]

# Config keys safe to show (never a token): the rest stays inside.
PUBLIC_CONFIG = ("instance_url", "max_characters", "characters_reserved_per_url", "username")


class Credentials(BaseModel):
    """Write-only: sealed on arrival, never returned. Further keys are kept as given."""

    model_config = ConfigDict(extra="allow")

    access_token: str = Field(min_length=1, max_length=4000)


class FacebookCredentials(Credentials):
    access_token: str = Field(
        min_length=1, max_length=4000, description="A Page access token of the Page (Graph API)."
    )


class InstagramCredentials(Credentials):
    access_token: str = Field(
        min_length=1,
        max_length=4000,
        description="The access token of the Page the Instagram professional account is linked to.",
    )


class ThreadsCredentials(Credentials):
    access_token: str = Field(
        min_length=1,
        max_length=4000,
        description="A long-lived Threads user token; refreshed before it expires.",
    )


class XCredentials(Credentials):
    access_token: str = Field(
        min_length=1, max_length=4000, description="An OAuth 2.0 user access token."
    )
    refresh_token: str | None = Field(
        default=None,
        max_length=4000,
        description="From the `offline.access` scope: lets Machi renew the access token.",
    )


class LineCredentials(Credentials):
    access_token: str = Field(
        min_length=1,
        max_length=4000,
        description="The channel access token of the LINE Official Account (Messaging API).",
    )
    channel_secret: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="The channel secret (Basic settings): checks the inbox's webhook signatures"
        " (`X-Line-Signature`). Sealed with the token, never returned.",
    )


class MastodonCredentials(Credentials):
    access_token: str = Field(
        min_length=1,
        max_length=4000,
        description="An access token of the account on its instance (write:statuses, write:media).",
    )


class SandboxCredentials(BaseModel):
    """The sandbox needs none."""

    model_config = ConfigDict(extra="allow")


class Config(BaseModel):
    """Platform settings; further keys are kept as given."""

    model_config = ConfigDict(extra="allow")


class XConfig(Config):
    username: str | None = Field(
        default=None, max_length=100, description="The @handle, used to build post permalinks."
    )


class MastodonConfig(Config):
    instance_url: str = Field(
        min_length=1,
        max_length=2000,
        description="The instance the account lives on: `https://mastodon.social` or a bare host.",
    )
    max_characters: int | None = Field(
        default=None, ge=1, description="The instance's post length; unset: 500."
    )
    characters_reserved_per_url: int | None = Field(
        default=None, ge=0, description="What a link counts for on the instance; unset: 23."
    )


class ChannelCreateBase(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    owner_kind: OwnerKind = "town"
    owner_user: str | None = Field(default=None, max_length=200)
    external_id: str | None = Field(default=None, max_length=200)
    approval_policy: ApprovalPolicy = "editor"
    credentials: BaseModel
    config: Config = Field(default_factory=Config)
    scopes: list[str] = Field(default_factory=list)
    token_expires_at: datetime | None = None

    def secrets(self) -> dict[str, Any]:
        """The credentials to seal, as given."""
        return self.credentials.model_dump(exclude_none=True)

    def settings(self) -> dict[str, Any]:
        """The platform config to store, as given."""
        return self.config.model_dump(exclude_none=True)


class FacebookPageChannelCreate(ChannelCreateBase):
    platform: Literal["facebook_page"]
    external_id: str | None = Field(default=None, max_length=200, description="The Page id.")
    credentials: FacebookCredentials


class InstagramChannelCreate(ChannelCreateBase):
    platform: Literal["instagram"]
    external_id: str | None = Field(
        default=None, max_length=200, description="The Instagram professional account's user id."
    )
    credentials: InstagramCredentials


class ThreadsChannelCreate(ChannelCreateBase):
    platform: Literal["threads"]
    external_id: str | None = Field(
        default=None, max_length=200, description="The Threads user id."
    )
    credentials: ThreadsCredentials


class XChannelCreate(ChannelCreateBase):
    platform: Literal["x"]
    external_id: str | None = Field(default=None, max_length=200, description="The X user id.")
    credentials: XCredentials
    config: XConfig = Field(default_factory=XConfig)


class LineChannelCreate(ChannelCreateBase):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "platform": "line",
                    "name": "武雄市 LINE",
                    "credentials": {"access_token": "<channel access token>"},
                }
            ]
        }
    )

    platform: Literal["line"]
    external_id: str | None = Field(
        default=None,
        max_length=200,
        description="The official account's bot user id (optional: posts go out as broadcasts).",
    )
    credentials: LineCredentials


class MastodonChannelCreate(ChannelCreateBase):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "platform": "mastodon",
                    "name": "Takeo on Mastodon",
                    "external_id": "109876543210",
                    "credentials": {"access_token": "<access token>"},
                    "config": {"instance_url": "https://mastodon.social"},
                }
            ]
        }
    )

    platform: Literal["mastodon"]
    external_id: str | None = Field(
        default=None, max_length=200, description="The account id on its instance."
    )
    credentials: MastodonCredentials
    config: MastodonConfig


class SandboxChannelCreate(ChannelCreateBase):
    """A channel that publishes into Machi itself (`GET /v1/channels/{id}/feed`)."""

    platform: Literal["sandbox"]
    credentials: SandboxCredentials = Field(default_factory=SandboxCredentials)


# What each platform needs, told apart by `platform` (OAuth connects fill it in themselves).
ChannelCreate = Annotated[
    FacebookPageChannelCreate
    | InstagramChannelCreate
    | ThreadsChannelCreate
    | XChannelCreate
    | LineChannelCreate
    | MastodonChannelCreate
    | SandboxChannelCreate,
    Field(discriminator="platform"),
]


class ChannelUpdate(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    approval_policy: ApprovalPolicy | None = None
    status: Literal["active", "disabled"] | None = None
    credentials: dict[str, str] | None = Field(
        default=None,
        description="Write-only: replaces the stored ones; the keys the channel's platform takes"
        " at creation (`access_token`, X's `refresh_token`).",
    )


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
    updated_at: datetime


class SandboxPostRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    delivery_id: uuid.UUID
    text: str
    created_at: datetime


class RotationResult(BaseModel):
    rotated: int
