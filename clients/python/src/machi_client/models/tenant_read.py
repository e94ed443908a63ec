from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tenant_read_effective_limits import TenantReadEffectiveLimits
    from ..models.tenant_read_limits import TenantReadLimits
    from ..models.tenant_read_name import TenantReadName


T = TypeVar("T", bound="TenantRead")


@_attrs_define
class TenantRead:
    """
    Attributes:
        allowed_store_domains (list[str]):
        country (None | str):
        created_at (datetime.datetime):
        currency (str):
        effective_limits (TenantReadEffectiveLimits): The plan's quotas with the overrides.
        fallback_locale (str):
        features (list[str]):
        id (UUID):
        limits (TenantReadLimits): Overrides of the plan's quotas.
        locales (list[str]):
        mfa_required (bool): Admins and editors log in with a second factor.
        name (TenantReadName):
        plan (str):
        population (int | None):
        primary_social_url (None | str):
        slug (str):
        status (str):
        suspended_at (datetime.datetime | None):
        timezone (str):
    """

    allowed_store_domains: list[str]
    country: None | str
    created_at: datetime.datetime
    currency: str
    effective_limits: TenantReadEffectiveLimits
    fallback_locale: str
    features: list[str]
    id: UUID
    limits: TenantReadLimits
    locales: list[str]
    mfa_required: bool
    name: TenantReadName
    plan: str
    population: int | None
    primary_social_url: None | str
    slug: str
    status: str
    suspended_at: datetime.datetime | None
    timezone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allowed_store_domains = self.allowed_store_domains

        country: None | str
        country = self.country

        created_at = self.created_at.isoformat()

        currency = self.currency

        effective_limits = self.effective_limits.to_dict()

        fallback_locale = self.fallback_locale

        features = self.features

        id = str(self.id)

        limits = self.limits.to_dict()

        locales = self.locales

        mfa_required = self.mfa_required

        name = self.name.to_dict()

        plan = self.plan

        population: int | None
        population = self.population

        primary_social_url: None | str
        primary_social_url = self.primary_social_url

        slug = self.slug

        status = self.status

        suspended_at: None | str
        if isinstance(self.suspended_at, datetime.datetime):
            suspended_at = self.suspended_at.isoformat()
        else:
            suspended_at = self.suspended_at

        timezone = self.timezone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowed_store_domains": allowed_store_domains,
                "country": country,
                "created_at": created_at,
                "currency": currency,
                "effective_limits": effective_limits,
                "fallback_locale": fallback_locale,
                "features": features,
                "id": id,
                "limits": limits,
                "locales": locales,
                "mfa_required": mfa_required,
                "name": name,
                "plan": plan,
                "population": population,
                "primary_social_url": primary_social_url,
                "slug": slug,
                "status": status,
                "suspended_at": suspended_at,
                "timezone": timezone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_read_effective_limits import TenantReadEffectiveLimits
        from ..models.tenant_read_limits import TenantReadLimits
        from ..models.tenant_read_name import TenantReadName

        d = dict(src_dict)
        allowed_store_domains = cast(list[str], d.pop("allowed_store_domains"))

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        effective_limits = TenantReadEffectiveLimits.from_dict(
            d.pop("effective_limits")
        )

        fallback_locale = d.pop("fallback_locale")

        features = cast(list[str], d.pop("features"))

        id = UUID(d.pop("id"))

        limits = TenantReadLimits.from_dict(d.pop("limits"))

        locales = cast(list[str], d.pop("locales"))

        mfa_required = d.pop("mfa_required")

        name = TenantReadName.from_dict(d.pop("name"))

        plan = d.pop("plan")

        def _parse_population(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        population = _parse_population(d.pop("population"))

        def _parse_primary_social_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        primary_social_url = _parse_primary_social_url(d.pop("primary_social_url"))

        slug = d.pop("slug")

        status = d.pop("status")

        def _parse_suspended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                suspended_at_type_0 = datetime.datetime.fromisoformat(data)

                return suspended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        suspended_at = _parse_suspended_at(d.pop("suspended_at"))

        timezone = d.pop("timezone")

        tenant_read = cls(
            allowed_store_domains=allowed_store_domains,
            country=country,
            created_at=created_at,
            currency=currency,
            effective_limits=effective_limits,
            fallback_locale=fallback_locale,
            features=features,
            id=id,
            limits=limits,
            locales=locales,
            mfa_required=mfa_required,
            name=name,
            plan=plan,
            population=population,
            primary_social_url=primary_social_url,
            slug=slug,
            status=status,
            suspended_at=suspended_at,
            timezone=timezone,
        )

        tenant_read.additional_properties = d
        return tenant_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
