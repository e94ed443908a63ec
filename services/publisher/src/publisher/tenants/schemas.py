"""HTTP DTOs of the tenant's publishing preferences."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class PublishingSettingsRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    timezone: str
    auto_draft_on_publish: bool
    default_language: str
    updated_at: datetime


class PublishingSettingsUpdate(BaseModel):
    timezone: str | None = Field(default=None, max_length=64)
    auto_draft_on_publish: bool | None = None
    default_language: str | None = Field(default=None, min_length=2, max_length=8)
