from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tenant_create_from_playbook_type_0 import (
        TenantCreateFromPlaybookType0,
    )
    from ..models.tenant_create_limits_type_0 import TenantCreateLimitsType0
    from ..models.tenant_create_name import TenantCreateName


T = TypeVar("T", bound="TenantCreate")


@_attrs_define
class TenantCreate:
    """
    Attributes:
        name (TenantCreateName):
        slug (str):
        allowed_store_domains (list[str] | Unset):
        country (None | str | Unset):  Default: 'JP'.
        currency (str | Unset): ISO 4217 Default: 'JPY'.
        fallback_locale (None | str | Unset): Language of a visitor none of `locales` suits; unset: first.
        from_playbook (None | TenantCreateFromPlaybookType0 | Unset): A document from GET /v1/tenants/{id}/playbook: its
            settings and each service's section are applied to the new tenant.
        limits (None | TenantCreateLimitsType0 | Unset): Per-tenant overrides of the plan's quotas; unset: none.
        locales (list[str] | Unset):
        plan (str | Unset):  Default: 'town'.
        population (int | None | Unset):
        primary_social_url (None | str | Unset): Where `/{slug}` redirects: the town's main social page.
        timezone (str | Unset):  Default: 'Asia/Tokyo'.
    """

    name: TenantCreateName
    slug: str
    allowed_store_domains: list[str] | Unset = UNSET
    country: None | str | Unset = "JP"
    currency: str | Unset = "JPY"
    fallback_locale: None | str | Unset = UNSET
    from_playbook: None | TenantCreateFromPlaybookType0 | Unset = UNSET
    limits: None | TenantCreateLimitsType0 | Unset = UNSET
    locales: list[str] | Unset = UNSET
    plan: str | Unset = "town"
    population: int | None | Unset = UNSET
    primary_social_url: None | str | Unset = UNSET
    timezone: str | Unset = "Asia/Tokyo"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.tenant_create_from_playbook_type_0 import (
            TenantCreateFromPlaybookType0,
        )
        from ..models.tenant_create_limits_type_0 import TenantCreateLimitsType0

        name = self.name.to_dict()

        slug = self.slug

        allowed_store_domains: list[str] | Unset = UNSET
        if not isinstance(self.allowed_store_domains, Unset):
            allowed_store_domains = self.allowed_store_domains

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        currency = self.currency

        fallback_locale: None | str | Unset
        if isinstance(self.fallback_locale, Unset):
            fallback_locale = UNSET
        else:
            fallback_locale = self.fallback_locale

        from_playbook: dict[str, Any] | None | Unset
        if isinstance(self.from_playbook, Unset):
            from_playbook = UNSET
        elif isinstance(self.from_playbook, TenantCreateFromPlaybookType0):
            from_playbook = self.from_playbook.to_dict()
        else:
            from_playbook = self.from_playbook

        limits: dict[str, Any] | None | Unset
        if isinstance(self.limits, Unset):
            limits = UNSET
        elif isinstance(self.limits, TenantCreateLimitsType0):
            limits = self.limits.to_dict()
        else:
            limits = self.limits

        locales: list[str] | Unset = UNSET
        if not isinstance(self.locales, Unset):
            locales = self.locales

        plan = self.plan

        population: int | None | Unset
        if isinstance(self.population, Unset):
            population = UNSET
        else:
            population = self.population

        primary_social_url: None | str | Unset
        if isinstance(self.primary_social_url, Unset):
            primary_social_url = UNSET
        else:
            primary_social_url = self.primary_social_url

        timezone = self.timezone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "slug": slug,
            }
        )
        if allowed_store_domains is not UNSET:
            field_dict["allowed_store_domains"] = allowed_store_domains
        if country is not UNSET:
            field_dict["country"] = country
        if currency is not UNSET:
            field_dict["currency"] = currency
        if fallback_locale is not UNSET:
            field_dict["fallback_locale"] = fallback_locale
        if from_playbook is not UNSET:
            field_dict["from_playbook"] = from_playbook
        if limits is not UNSET:
            field_dict["limits"] = limits
        if locales is not UNSET:
            field_dict["locales"] = locales
        if plan is not UNSET:
            field_dict["plan"] = plan
        if population is not UNSET:
            field_dict["population"] = population
        if primary_social_url is not UNSET:
            field_dict["primary_social_url"] = primary_social_url
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_create_from_playbook_type_0 import (
            TenantCreateFromPlaybookType0,
        )
        from ..models.tenant_create_limits_type_0 import TenantCreateLimitsType0
        from ..models.tenant_create_name import TenantCreateName

        d = dict(src_dict)
        name = TenantCreateName.from_dict(d.pop("name"))

        slug = d.pop("slug")

        allowed_store_domains = cast(list[str], d.pop("allowed_store_domains", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        currency = d.pop("currency", UNSET)

        def _parse_fallback_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fallback_locale = _parse_fallback_locale(d.pop("fallback_locale", UNSET))

        def _parse_from_playbook(
            data: object,
        ) -> None | TenantCreateFromPlaybookType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from_playbook_type_0 = TenantCreateFromPlaybookType0.from_dict(data)

                return from_playbook_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TenantCreateFromPlaybookType0 | Unset, data)

        from_playbook = _parse_from_playbook(d.pop("from_playbook", UNSET))

        def _parse_limits(data: object) -> None | TenantCreateLimitsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                limits_type_0 = TenantCreateLimitsType0.from_dict(data)

                return limits_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TenantCreateLimitsType0 | Unset, data)

        limits = _parse_limits(d.pop("limits", UNSET))

        locales = cast(list[str], d.pop("locales", UNSET))

        plan = d.pop("plan", UNSET)

        def _parse_population(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        population = _parse_population(d.pop("population", UNSET))

        def _parse_primary_social_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        primary_social_url = _parse_primary_social_url(
            d.pop("primary_social_url", UNSET)
        )

        timezone = d.pop("timezone", UNSET)

        tenant_create = cls(
            name=name,
            slug=slug,
            allowed_store_domains=allowed_store_domains,
            country=country,
            currency=currency,
            fallback_locale=fallback_locale,
            from_playbook=from_playbook,
            limits=limits,
            locales=locales,
            plan=plan,
            population=population,
            primary_social_url=primary_social_url,
            timezone=timezone,
        )

        tenant_create.additional_properties = d
        return tenant_create

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
