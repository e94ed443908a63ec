"""HTTP DTOs of posts, their workflow and preview."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

Language = Annotated[str, Field(max_length=16)]
AltText = Annotated[str, Field(max_length=1500)]
PlatformName = Annotated[str, Field(max_length=20)]
MAX_PIXELS = 100_000
MAX_BYTES = 2**40  # 1 TiB: no platform takes a file near it
RenditionName = Literal["original", "thumbnail", "web", "portrait", "landscape"]
RENDITIONS_HELP = (
    "The catalog rendition of the post's photos per platform (`instagram`: `landscape`),"
    " replacing the platform's own choice (Instagram the 4:5 portrait crop, Facebook, X and"
    " Mastodon the original, Threads and LINE the web size). Each platform takes only those its"
    " rules allow (Instagram: portrait or landscape, within its 4:5 to 1.91:1); the preview"
    " names the rest."
)


class PostMedia(BaseModel):
    """A catalog media rendition at a public URL; sizes let the aspect ratio be checked."""

    url: str = Field(max_length=2000)
    # Bounded past any real photo or video (JPEG stops at 65,535 px a side, 8K video at 7,680),
    # so a made-up size is refused here rather than overflowing the aspect check.
    width: int | None = Field(default=None, ge=1, le=MAX_PIXELS)
    height: int | None = Field(default=None, ge=1, le=MAX_PIXELS)
    bytes: int | None = Field(
        default=None,
        ge=1,
        le=MAX_BYTES,
        description="The file's size: checked against each platform's.",
    )
    type: Literal["image", "video"] | None = Field(
        default=None,
        description="None: a video when the URL ends like one (.mp4, .mov), else image.",
    )
    alt: dict[Language, AltText] | None = Field(
        default=None,
        max_length=10,
        description="Alt text per language (`ja`, `ko`, `en`): the platforms that take alt text"
        " get the post's language's, else another's (as the catalog's media carry it).",
    )


class BroadcastEstimate(BaseModel):
    """A LINE broadcast's cost: every friend reached counts as one message (reference 4.5)."""

    messages: int
    followers: int
    targeted_reaches: int
    monthly_quota: int | None = Field(description="None: no monthly limit.")
    used_this_month: int
    remaining: int | None
    fits: bool


class PostCreate(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "text": "今日の一品: 武雄の熟成黒にんにく。ご購入はこちら",
                    "channel_ids": ["00000000-0000-4000-8000-000000000001"],
                    "url": "https://store.shopping.yahoo.co.jp/takeo/aged-black-garlic.html",
                    "media": [
                        {
                            "url": "https://machi.example/v1/media/00000000-0000-4000-8000-000000000001/web",
                            "width": 1200,
                            "height": 1200,
                        }
                    ],
                }
            ]
        }
    )

    text: str = Field(max_length=70_000)
    channel_ids: list[uuid.UUID] = Field(default_factory=list, max_length=500)
    variants: dict[uuid.UUID, str] = Field(
        default_factory=dict, description="Per-channel text replacing `text` on that channel."
    )
    product_id: uuid.UUID | None = None
    place_id: uuid.UUID | None = None
    url: str | None = Field(default=None, max_length=2000)
    media: list[PostMedia] = Field(default_factory=list, max_length=20)
    renditions: dict[PlatformName, RenditionName] = Field(
        default_factory=dict, max_length=10, description=RENDITIONS_HELP
    )
    planned_at: AwareDatetime | None = Field(
        default=None,
        description=(
            "When it goes out: approval schedules it then (at once if that time has passed)."
            " Unset: an approved post waits for `schedule`."
        ),
    )


class PostUpdate(BaseModel):
    text: str | None = Field(default=None, max_length=70_000)
    channel_ids: list[uuid.UUID] | None = None
    variants: dict[uuid.UUID, str] | None = None
    url: str | None = Field(default=None, max_length=2000)
    media: list[PostMedia] | None = None
    renditions: dict[PlatformName, RenditionName] | None = Field(
        default=None, max_length=10, description=RENDITIONS_HELP
    )


class PostRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    text: str
    status: str
    product_id: uuid.UUID | None
    place_id: uuid.UUID | None = None
    url: str | None = None
    media: list[PostMedia] = []
    renditions: dict[str, str] = Field(default={}, description=RENDITIONS_HELP)
    channel_ids: list[uuid.UUID] = []
    variants: dict[str, str] = {}
    campaign_id: uuid.UUID | None = None
    planned_at: datetime | None = None
    created_by: str | None = None
    review_comment: str | None = None
    estimates: dict[str, BroadcastEstimate] = Field(
        default={}, description="LINE broadcasts: channel id -> the messages it will use."
    )
    created_at: datetime
    updated_at: datetime
    permalinks: list[str] = []  # the post on each platform, once published
    validation: PreviewRead | None = Field(
        default=None,
        description=(
            "On create and edit answers: each channel's text checked by its platform's rules, as"
            " `POST /v1/posts/preview` shows it (submitting refuses a post that is not valid)"
        ),
    )


class Rejection(BaseModel):
    comment: str = Field(min_length=1, max_length=2000)


class ScheduleRequest(BaseModel):
    """When: `at` (an offset-less time is read in `timezone`), or each channel's next free slot."""

    at: datetime | None = None
    timezone: str | None = Field(default=None, max_length=64)
    next_free_slot: bool = False


class TransitionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    from_status: str
    to_status: str
    actor: str
    comment: str | None
    at: datetime


class ChannelPreview(BaseModel):
    channel_id: uuid.UUID
    platform: str
    text: str
    length: int
    max_length: int
    valid: bool
    problems: list[str]
    media: list[PostMedia] = Field(
        default=[],
        description="The post's media as this platform gets them: each catalog photo as the"
        " rendition sent there (the platform's own, or the post's `renditions` choice).",
    )
    broadcast: BroadcastEstimate | None = None


class PreviewRead(BaseModel):
    valid: bool
    channels: list[ChannelPreview]
    product_unavailable: str | None = Field(
        default=None,
        description="Why the post's product cannot be had now (sold out, archived): a delivery"
        " about it is skipped at send time unless that changes.",
    )
