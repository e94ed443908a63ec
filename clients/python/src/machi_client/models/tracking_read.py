from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TrackingRead")


@_attrs_define
class TrackingRead:
    """
    Attributes:
        allowed_store_domains (list[str]):
        attribution_window_days (int):
        population (int | None):
        timezone (str):
        track_referrer (bool):
        track_user_agent (bool):
        tracking_enabled (bool):
    """

    allowed_store_domains: list[str]
    attribution_window_days: int
    population: int | None
    timezone: str
    track_referrer: bool
    track_user_agent: bool
    tracking_enabled: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allowed_store_domains = self.allowed_store_domains

        attribution_window_days = self.attribution_window_days

        population: int | None
        population = self.population

        timezone = self.timezone

        track_referrer = self.track_referrer

        track_user_agent = self.track_user_agent

        tracking_enabled = self.tracking_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowed_store_domains": allowed_store_domains,
                "attribution_window_days": attribution_window_days,
                "population": population,
                "timezone": timezone,
                "track_referrer": track_referrer,
                "track_user_agent": track_user_agent,
                "tracking_enabled": tracking_enabled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        allowed_store_domains = cast(list[str], d.pop("allowed_store_domains"))

        attribution_window_days = d.pop("attribution_window_days")

        def _parse_population(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        population = _parse_population(d.pop("population"))

        timezone = d.pop("timezone")

        track_referrer = d.pop("track_referrer")

        track_user_agent = d.pop("track_user_agent")

        tracking_enabled = d.pop("tracking_enabled")

        tracking_read = cls(
            allowed_store_domains=allowed_store_domains,
            attribution_window_days=attribution_window_days,
            population=population,
            timezone=timezone,
            track_referrer=track_referrer,
            track_user_agent=track_user_agent,
            tracking_enabled=tracking_enabled,
        )

        tracking_read.additional_properties = d
        return tracking_read

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
