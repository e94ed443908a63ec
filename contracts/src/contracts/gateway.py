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


@register
class PlanChangedV1(Event):
    event_type = "gateway.tenant.plan_changed.v1"

    plan: str
    limits: dict[str, int]
    features: list[str] = []
