"""DTOs of the per-tenant tracking settings."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class TrackingRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    allowed_store_domains: list[str]
    tracking_enabled: bool
    track_referrer: bool
    track_user_agent: bool
    attribution_window_days: int
    timezone: str
    population: int | None


class TrackingUpdate(BaseModel):
    """Only the fields given change."""

    allowed_store_domains: list[str] | None = Field(default=None, max_length=50)
    tracking_enabled: bool | None = None
    track_referrer: bool | None = None
    track_user_agent: bool | None = None
    attribution_window_days: int | None = Field(default=None, ge=1, le=365)
    timezone: str | None = None
    population: int | None = Field(default=None, ge=0, le=2**31 - 1)  # an integer column


Store = Literal["shopify", "woocommerce", "postback"]


class WebhookSecretSet(BaseModel):
    secret: str = Field(min_length=8, max_length=512)


class WebhookSecretsRead(BaseModel):
    """Which stores have a secret; the secrets themselves are never returned."""

    shopify: bool
    woocommerce: bool
    postback: bool
