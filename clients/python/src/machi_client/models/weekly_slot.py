from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="WeeklySlot")


@_attrs_define
class WeeklySlot:
    """
    Attributes:
        local_time (str):
        weekday (int): 0 = Monday
    """

    local_time: str
    weekday: int

    def to_dict(self) -> dict[str, Any]:
        local_time = self.local_time

        weekday = self.weekday

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "local_time": local_time,
                "weekday": weekday,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        local_time = d.pop("local_time")

        weekday = d.pop("weekday")

        weekly_slot = cls(
            local_time=local_time,
            weekday=weekday,
        )

        return weekly_slot
