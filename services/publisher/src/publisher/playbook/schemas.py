"""DTOs of the publisher's playbook section, its post templates and channel plans."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from publisher.channels.schemas import ApprovalPolicy, OwnerKind, Platform
from publisher.scheduling.schemas import HHMM


class TemplateCadence(BaseModel):
    """A campaign cadence without its start date (each campaign picks its own)."""

    model_config = ConfigDict(extra="forbid")

    time: str = Field(default="12:00", pattern=HHMM)
    every_days: int = Field(default=1, ge=1, le=60)
    skip_weekends: bool = True


class TemplateSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    template: str = Field(
        min_length=1,
        max_length=10_000,
        description="Fields: {name} {producer} {price} {story} {season} {slug}; {link} marks the"
        " buy link.",
    )
    platform_texts: dict[Platform, str] = Field(
        default={},
        description="A platform's own wording, used on its channels instead of `template`.",
    )
    cadence: TemplateCadence = Field(default_factory=TemplateCadence)
    language: str = Field(default="ja", min_length=2, max_length=8)


class WeeklySlot(BaseModel):
    model_config = ConfigDict(extra="forbid")

    weekday: int = Field(ge=0, le=6, description="0 = Monday")
    local_time: str = Field(pattern=HHMM)


class ChannelKind(BaseModel):
    """A channel without its account: what a partner connects, with its policy and slots."""

    model_config = ConfigDict(extra="forbid")

    platform: Platform
    name: str = Field(min_length=1, max_length=200)
    owner_kind: OwnerKind = "town"
    approval_policy: ApprovalPolicy = "editor"
    slots: list[WeeklySlot] = Field(default=[], max_length=100)


class PublishingDefaults(BaseModel):
    """The reusable publishing settings (the timezone travels with the tenant itself)."""

    model_config = ConfigDict(extra="forbid")

    auto_draft_on_publish: bool = True
    default_language: str = Field(default="ja", min_length=2, max_length=8)


class PublisherSection(BaseModel):
    """Versioned and tenant-free: no ids, credentials or products."""

    model_config = ConfigDict(extra="forbid")

    version: int = Field(default=1, ge=1, le=1)
    settings: PublishingDefaults = Field(default_factory=PublishingDefaults)
    templates: list[TemplateSpec] = Field(default=[], max_length=500)
    channels: list[ChannelKind] = Field(default=[], max_length=200)


class PublisherPlaybookApplied(BaseModel):
    templates_created: int
    templates_kept: int
    channel_plans_created: int
    channel_plans_updated: int


class TemplateRead(TemplateSpec):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    created_at: datetime
    updated_at: datetime


class ChannelPlanRead(ChannelKind):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    created_at: datetime
    updated_at: datetime
