"""DTOs of the analytics playbook section: reusable tracking and report settings only."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class TrackingDefaults(BaseModel):
    """What a partner town may copy; store domains, secrets and the timezone are its own."""

    model_config = ConfigDict(extra="forbid", from_attributes=True)

    tracking_enabled: bool = True
    track_referrer: bool = True
    track_user_agent: bool = True
    attribution_window_days: int = Field(default=30, ge=1, le=365)


class AnalyticsSection(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = Field(default=1, ge=1, le=1)
    tracking: TrackingDefaults = Field(default_factory=TrackingDefaults)


class AnalyticsPlaybookApplied(BaseModel):
    settings_changed: list[str]
