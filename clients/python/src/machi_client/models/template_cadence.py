from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateCadence")


@_attrs_define
class TemplateCadence:
    """A campaign cadence without its start date (each campaign picks its own).

    Attributes:
        every_days (int | Unset):  Default: 1.
        skip_weekends (bool | Unset):  Default: True.
        time (str | Unset):  Default: '12:00'.
    """

    every_days: int | Unset = 1
    skip_weekends: bool | Unset = True
    time: str | Unset = "12:00"

    def to_dict(self) -> dict[str, Any]:
        every_days = self.every_days

        skip_weekends = self.skip_weekends

        time = self.time

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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
        every_days = d.pop("every_days", UNSET)

        skip_weekends = d.pop("skip_weekends", UNSET)

        time = d.pop("time", UNSET)

        template_cadence = cls(
            every_days=every_days,
            skip_weekends=skip_weekends,
            time=time,
        )

        return template_cadence
