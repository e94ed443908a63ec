from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.opening_hours_day import OpeningHoursDay

T = TypeVar("T", bound="OpeningHours")


@_attrs_define
class OpeningHours:
    """One opening period; a day may have several. Closing past midnight: closes < opens.

    Attributes:
        closes (str):
        day (OpeningHoursDay):
        opens (str):
    """

    closes: str
    day: OpeningHoursDay
    opens: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closes = self.closes

        day = self.day.value

        opens = self.opens

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closes": closes,
                "day": day,
                "opens": opens,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        closes = d.pop("closes")

        day = OpeningHoursDay(d.pop("day"))

        opens = d.pop("opens")

        opening_hours = cls(
            closes=closes,
            day=day,
            opens=opens,
        )

        opening_hours.additional_properties = d
        return opening_hours

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
