from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BestTime")


@_attrs_define
class BestTime:
    """
    Attributes:
        average_clicks (float):
        channel_id (UUID):
        hour (int):
        platform (str):
        samples (int):
        weekday (int):
    """

    average_clicks: float
    channel_id: UUID
    hour: int
    platform: str
    samples: int
    weekday: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        average_clicks = self.average_clicks

        channel_id = str(self.channel_id)

        hour = self.hour

        platform = self.platform

        samples = self.samples

        weekday = self.weekday

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "average_clicks": average_clicks,
                "channel_id": channel_id,
                "hour": hour,
                "platform": platform,
                "samples": samples,
                "weekday": weekday,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        average_clicks = d.pop("average_clicks")

        channel_id = UUID(d.pop("channel_id"))

        hour = d.pop("hour")

        platform = d.pop("platform")

        samples = d.pop("samples")

        weekday = d.pop("weekday")

        best_time = cls(
            average_clicks=average_clicks,
            channel_id=channel_id,
            hour=hour,
            platform=platform,
            samples=samples,
            weekday=weekday,
        )

        best_time.additional_properties = d
        return best_time

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
