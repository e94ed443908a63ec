from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Cadence")


@_attrs_define
class Cadence:
    """One product every `every_days` days at `time` local, from `start_date` (with placement
    `slots`, only `start_date` counts: each channel's own weekly slots give the times).

        Attributes:
            start_date (datetime.date): From 2000-01-01 to 2999-12-31
            every_days (int | Unset):  Default: 1.
            skip_weekends (bool | Unset):  Default: True.
            time (str | Unset):  Default: '12:00'.
    """

    start_date: datetime.date
    every_days: int | Unset = 1
    skip_weekends: bool | Unset = True
    time: str | Unset = "12:00"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start_date = self.start_date.isoformat()

        every_days = self.every_days

        skip_weekends = self.skip_weekends

        time = self.time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start_date": start_date,
            }
        )
        if every_days is not UNSET:
            field_dict["every_days"] = every_days
        if skip_weekends is not UNSET:
            field_dict["skip_weekends"] = skip_weekends
        if time is not UNSET:
            field_dict["time"] = time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        every_days = d.pop("every_days", UNSET)

        skip_weekends = d.pop("skip_weekends", UNSET)

        time = d.pop("time", UNSET)

        cadence = cls(
            start_date=start_date,
            every_days=every_days,
            skip_weekends=skip_weekends,
            time=time,
        )

        cadence.additional_properties = d
        return cadence

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
