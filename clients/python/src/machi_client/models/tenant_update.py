from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tenant_update_status_type_0 import TenantUpdateStatusType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tenant_update_limits_type_0 import TenantUpdateLimitsType0
    from ..models.tenant_update_name_type_0 import TenantUpdateNameType0


T = TypeVar("T", bound="TenantUpdate")


@_attrs_define
class TenantUpdate:
    """
    Attributes:
        allowed_store_domains (list[str] | None | Unset):
        country (None | str | Unset):
        currency (None | str | Unset):
        fallback_locale (None | str | Unset):
        limits (None | TenantUpdateLimitsType0 | Unset):
        locales (list[str] | None | Unset):
        mfa_required (bool | None | Unset): Admins and editors must log in with a TOTP second factor.
        name (None | TenantUpdateNameType0 | Unset):
        plan (None | str | Unset):
        population (int | None | Unset):
        primary_social_url (None | str | Unset):
        status (None | TenantUpdateStatusType0 | Unset):
        timezone (None | str | Unset):
    """

    allowed_store_domains: list[str] | None | Unset = UNSET
    country: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    fallback_locale: None | str | Unset = UNSET
    limits: None | TenantUpdateLimitsType0 | Unset = UNSET
    locales: list[str] | None | Unset = UNSET
    mfa_required: bool | None | Unset = UNSET
    name: None | TenantUpdateNameType0 | Unset = UNSET
    plan: None | str | Unset = UNSET
    population: int | None | Unset = UNSET
    primary_social_url: None | str | Unset = UNSET
    status: None | TenantUpdateStatusType0 | Unset = UNSET
    timezone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.tenant_update_limits_type_0 import TenantUpdateLimitsType0
        from ..models.tenant_update_name_type_0 import TenantUpdateNameType0

        allowed_store_domains: list[str] | None | Unset
        if isinstance(self.allowed_store_domains, Unset):
            allowed_store_domains = UNSET
        elif isinstance(self.allowed_store_domains, list):
            allowed_store_domains = self.allowed_store_domains

        else:
            allowed_store_domains = self.allowed_store_domains

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        fallback_locale: None | str | Unset
        if isinstance(self.fallback_locale, Unset):
            fallback_locale = UNSET
        else:
            fallback_locale = self.fallback_locale

        limits: dict[str, Any] | None | Unset
        if isinstance(self.limits, Unset):
            limits = UNSET
        elif isinstance(self.limits, TenantUpdateLimitsType0):
            limits = self.limits.to_dict()
        else:
            limits = self.limits

        locales: list[str] | None | Unset
        if isinstance(self.locales, Unset):
            locales = UNSET
        elif isinstance(self.locales, list):
            locales = self.locales

        else:
            locales = self.locales

        mfa_required: bool | None | Unset
        if isinstance(self.mfa_required, Unset):
            mfa_required = UNSET
        else:
            mfa_required = self.mfa_required

        name: dict[str, Any] | None | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        elif isinstance(self.name, TenantUpdateNameType0):
            name = self.name.to_dict()
        else:
            name = self.name

        plan: None | str | Unset
        if isinstance(self.plan, Unset):
            plan = UNSET
        else:
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

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, TenantUpdateStatusType0):
            status = self.status.value
        else:
            status = self.status

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if allowed_store_domains is not UNSET:
            field_dict["allowed_store_domains"] = allowed_store_domains
        if country is not UNSET:
            field_dict["country"] = country
        if currency is not UNSET:
            field_dict["currency"] = currency
        if fallback_locale is not UNSET:
            field_dict["fallback_locale"] = fallback_locale
        if limits is not UNSET:
            field_dict["limits"] = limits
        if locales is not UNSET:
            field_dict["locales"] = locales
        if mfa_required is not UNSET:
            field_dict["mfa_required"] = mfa_required
        if name is not UNSET:
            field_dict["name"] = name
        if plan is not UNSET:
            field_dict["plan"] = plan
        if population is not UNSET:
            field_dict["population"] = population
        if primary_social_url is not UNSET:
            field_dict["primary_social_url"] = primary_social_url
        if status is not UNSET:
            field_dict["status"] = status
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_update_limits_type_0 import TenantUpdateLimitsType0
        from ..models.tenant_update_name_type_0 import TenantUpdateNameType0

        d = dict(src_dict)

        def _parse_allowed_store_domains(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowed_store_domains_type_0 = cast(list[str], data)

                return allowed_store_domains_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        allowed_store_domains = _parse_allowed_store_domains(
            d.pop("allowed_store_domains", UNSET)
        )

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_fallback_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fallback_locale = _parse_fallback_locale(d.pop("fallback_locale", UNSET))

        def _parse_limits(data: object) -> None | TenantUpdateLimitsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                limits_type_0 = TenantUpdateLimitsType0.from_dict(data)

                return limits_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TenantUpdateLimitsType0 | Unset, data)

        limits = _parse_limits(d.pop("limits", UNSET))

        def _parse_locales(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                locales_type_0 = cast(list[str], data)

                return locales_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        locales = _parse_locales(d.pop("locales", UNSET))

        def _parse_mfa_required(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        mfa_required = _parse_mfa_required(d.pop("mfa_required", UNSET))

        def _parse_name(data: object) -> None | TenantUpdateNameType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_0 = TenantUpdateNameType0.from_dict(data)

                return name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TenantUpdateNameType0 | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_plan(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan = _parse_plan(d.pop("plan", UNSET))

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

        def _parse_status(data: object) -> None | TenantUpdateStatusType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = TenantUpdateStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TenantUpdateStatusType0 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        tenant_update = cls(
            allowed_store_domains=allowed_store_domains,
            country=country,
            currency=currency,
            fallback_locale=fallback_locale,
            limits=limits,
            locales=locales,
            mfa_required=mfa_required,
            name=name,
            plan=plan,
            population=population,
            primary_social_url=primary_social_url,
            status=status,
            timezone=timezone,
        )

        tenant_update.additional_properties = d
        return tenant_update

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
