"""HTTP DTOs of tenants."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from gateway.schemas import (
    Country,
    Currency,
    HttpsUrl,
    Limits,
    Locale,
    PlanName,
    Slug,
    TenantStatus,
    Timezone,
    Translations,
)
from kit.storedomains import StoreDomain


def _names_have_text(value: Translations) -> Translations:
    if not any(v.strip() for v in value.values()):
        raise ValueError("needs text in at least one language")
    return value


class TenantProfile(BaseModel):
    """What a town is: the settings a playbook carries to a new partner, too."""

    timezone: Timezone = "Asia/Tokyo"
    country: Country | None = Field(default="JP", examples=["JP"])
    locales: list[Locale] = Field(default=["ja", "en", "ko"], min_length=1)
    fallback_locale: Locale | None = Field(
        default=None, description="Language of a visitor none of `locales` suits; unset: first."
    )
    currency: Currency = "JPY"


class TenantCreate(TenantProfile):
    slug: Slug = Field(examples=["takeo"])
    name: Translations = Field(examples=[{"ja": "武雄市", "en": "Takeo City"}])
    population: int | None = Field(default=None, ge=0, le=2**31 - 1)  # an integer column
    allowed_store_domains: list[StoreDomain] = Field(
        default=[], examples=[["store.shopping.yahoo.co.jp"]]
    )
    primary_social_url: HttpsUrl | None = Field(
        default=None, description="Where `/{slug}` redirects: the town's main social page."
    )
    plan: PlanName = "town"
    limits: Limits | None = Field(
        default=None, description="Per-tenant overrides of the plan's quotas; unset: none."
    )
    from_playbook: dict[str, Any] | None = Field(
        default=None,
        description="A document from GET /v1/tenants/{id}/playbook: its settings and each"
        " service's section are applied to the new tenant.",
    )

    _name = field_validator("name")(_names_have_text)


class TenantUpdate(BaseModel):
    name: Translations | None = None
    timezone: Timezone | None = None
    country: Country | None = None
    locales: list[Locale] | None = Field(default=None, min_length=1)
    fallback_locale: Locale | None = None
    currency: Currency | None = None
    population: int | None = Field(default=None, ge=0, le=2**31 - 1)  # an integer column
    allowed_store_domains: list[StoreDomain] | None = None
    primary_social_url: HttpsUrl | None = None
    plan: PlanName | None = None
    limits: Limits | None = None
    status: TenantStatus | None = None
    mfa_required: bool | None = Field(
        default=None, description="Admins and editors must log in with a TOTP second factor."
    )


class TenantRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    slug: str
    name: Translations
    timezone: str
    country: str | None
    locales: list[str]
    fallback_locale: str
    currency: str
    population: int | None
    allowed_store_domains: list[str]
    primary_social_url: str | None
    plan: str
    limits: dict[str, Any] = Field(description="Overrides of the plan's quotas.")
    effective_limits: dict[str, int] = Field(description="The plan's quotas with the overrides.")
    features: list[str]
    status: str
    suspended_at: datetime | None
    created_at: datetime
    mfa_required: bool = Field(description="Admins and editors log in with a second factor.")


class TenantCreated(TenantRead):
    playbook: dict[str, Any] | None = Field(
        default=None, description="With `from_playbook`: which sections were applied or skipped."
    )


class SecuritySettings(BaseModel):
    """A town's security settings, set by its admins."""

    model_config = ConfigDict(from_attributes=True)

    mfa_required: bool = Field(
        description="Admins and editors log in with a TOTP second factor; those not enrolled yet "
        "may only enrol until they are.",
        examples=[True],
    )
