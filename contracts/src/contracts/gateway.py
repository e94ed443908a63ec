"""Events the gateway publishes."""

from __future__ import annotations

from contracts.base import Event, register


@register
class TenantCreatedV1(Event):
    event_type = "gateway.tenant.created.v1"

    slug: str
    name: dict[str, str]
    timezone: str
    locales: list[str] = ["ja", "en", "ko"]
    currency: str = "JPY"
    population: int | None = None
    allowed_store_domains: list[str] = []
    # Added within v1 (consumers ignore what they do not know):
    country: str | None = None
    fallback_locale: str | None = None
    plan: str | None = None
    primary_social_url: str | None = None


@register
class TenantUpdatedV1(TenantCreatedV1):
    """The tenant's settings after an edit (the whole profile, not a diff)."""

    event_type = "gateway.tenant.updated.v1"


@register
class PlanChangedV1(Event):
    event_type = "gateway.tenant.plan_changed.v1"

    plan: str
    limits: dict[str, int]  # the plan's quotas with the tenant's overrides applied
    features: list[str] = []
