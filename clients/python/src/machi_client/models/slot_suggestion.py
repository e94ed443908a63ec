from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SlotSuggestion")


@_attrs_define
class SlotSuggestion:
    """One weekly slot the town's own clicks recommend, in the town's local time.

    Attributes:
        average_clicks (float): Their posts' clicks in the first 24 hours
        exists (bool): The channel has this slot already
        samples (int): Deliveries published at that hour in the period
        time (str): Local time HH:MM in the town's timezone
        weekday (int): 0 = Monday
    """

    average_clicks: float
    exists: bool
    samples: int
    time: str
    weekday: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        average_clicks = self.average_clicks

        exists = self.exists

        samples = self.samples

        time = self.time

        weekday = self.weekday

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "average_clicks": average_clicks,
                "exists": exists,
                "samples": samples,
                "time": time,
                "weekday": weekday,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        average_clicks = d.pop("average_clicks")

        exists = d.pop("exists")

        samples = d.pop("samples")

        time = d.pop("time")

        weekday = d.pop("weekday")

        slot_suggestion = cls(
            average_clicks=average_clicks,
            exists=exists,
            samples=samples,
            time=time,
            weekday=weekday,
        )

        slot_suggestion.additional_properties = d
        return slot_suggestion

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
