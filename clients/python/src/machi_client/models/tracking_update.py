from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TrackingUpdate")


@_attrs_define
class TrackingUpdate:
    """Only the fields given change.

    Attributes:
        allowed_store_domains (list[str] | None | Unset):
        attribution_window_days (int | None | Unset):
        population (int | None | Unset):
        timezone (None | str | Unset):
        track_referrer (bool | None | Unset):
        track_user_agent (bool | None | Unset):
        tracking_enabled (bool | None | Unset):
    """

    allowed_store_domains: list[str] | None | Unset = UNSET
    attribution_window_days: int | None | Unset = UNSET
    population: int | None | Unset = UNSET
    timezone: None | str | Unset = UNSET
    track_referrer: bool | None | Unset = UNSET
    track_user_agent: bool | None | Unset = UNSET
    tracking_enabled: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allowed_store_domains: list[str] | None | Unset
        if isinstance(self.allowed_store_domains, Unset):
            allowed_store_domains = UNSET
        elif isinstance(self.allowed_store_domains, list):
            allowed_store_domains = self.allowed_store_domains

        else:
            allowed_store_domains = self.allowed_store_domains

        attribution_window_days: int | None | Unset
        if isinstance(self.attribution_window_days, Unset):
            attribution_window_days = UNSET
        else:
            attribution_window_days = self.attribution_window_days

        population: int | None | Unset
        if isinstance(self.population, Unset):
            population = UNSET
        else:
            population = self.population

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        track_referrer: bool | None | Unset
        if isinstance(self.track_referrer, Unset):
            track_referrer = UNSET
        else:
            track_referrer = self.track_referrer

        track_user_agent: bool | None | Unset
        if isinstance(self.track_user_agent, Unset):
            track_user_agent = UNSET
        else:
            track_user_agent = self.track_user_agent

        tracking_enabled: bool | None | Unset
        if isinstance(self.tracking_enabled, Unset):
            tracking_enabled = UNSET
        else:
            tracking_enabled = self.tracking_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if allowed_store_domains is not UNSET:
            field_dict["allowed_store_domains"] = allowed_store_domains
        if attribution_window_days is not UNSET:
            field_dict["attribution_window_days"] = attribution_window_days
        if population is not UNSET:
            field_dict["population"] = population
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if track_referrer is not UNSET:
            field_dict["track_referrer"] = track_referrer
        if track_user_agent is not UNSET:
            field_dict["track_user_agent"] = track_user_agent
        if tracking_enabled is not UNSET:
            field_dict["tracking_enabled"] = tracking_enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
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

        def _parse_attribution_window_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        attribution_window_days = _parse_attribution_window_days(
            d.pop("attribution_window_days", UNSET)
        )

        def _parse_population(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        population = _parse_population(d.pop("population", UNSET))

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        def _parse_track_referrer(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        track_referrer = _parse_track_referrer(d.pop("track_referrer", UNSET))

        def _parse_track_user_agent(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        track_user_agent = _parse_track_user_agent(d.pop("track_user_agent", UNSET))

        def _parse_tracking_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        tracking_enabled = _parse_tracking_enabled(d.pop("tracking_enabled", UNSET))

        tracking_update = cls(
            allowed_store_domains=allowed_store_domains,
            attribution_window_days=attribution_window_days,
            population=population,
            timezone=timezone,
            track_referrer=track_referrer,
            track_user_agent=track_user_agent,
            tracking_enabled=tracking_enabled,
        )

        tracking_update.additional_properties = d
        return tracking_update

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
