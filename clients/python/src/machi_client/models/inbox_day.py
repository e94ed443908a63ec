from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InboxDay")


@_attrs_define
class InboxDay:
    """One of the town's days: conversations opened, and conversations closed, on it.

    Attributes:
        closed (int):
        day (datetime.date):
        opened (int):
    """

    closed: int
    day: datetime.date
    opened: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closed = self.closed

        day = self.day.isoformat()

        opened = self.opened

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closed": closed,
                "day": day,
                "opened": opened,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        closed = d.pop("closed")

        day = datetime.date.fromisoformat(d.pop("day"))

        opened = d.pop("opened")

        inbox_day = cls(
            closed=closed,
            day=day,
            opened=opened,
        )

        inbox_day.additional_properties = d
        return inbox_day

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
