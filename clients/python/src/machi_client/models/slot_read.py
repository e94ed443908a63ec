from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SlotRead")


@_attrs_define
class SlotRead:
    """
    Attributes:
        channel_id (UUID):
        created_at (datetime.datetime):
        id (UUID):
        local_time (str):
        updated_at (datetime.datetime):
        weekday (int):
    """

    channel_id: UUID
    created_at: datetime.datetime
    id: UUID
    local_time: str
    updated_at: datetime.datetime
    weekday: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel_id = str(self.channel_id)

        created_at = self.created_at.isoformat()

        id = str(self.id)

        local_time = self.local_time

        updated_at = self.updated_at.isoformat()

        weekday = self.weekday

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel_id": channel_id,
                "created_at": created_at,
                "id": id,
                "local_time": local_time,
                "updated_at": updated_at,
                "weekday": weekday,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        channel_id = UUID(d.pop("channel_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        local_time = d.pop("local_time")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        weekday = d.pop("weekday")

        slot_read = cls(
            channel_id=channel_id,
            created_at=created_at,
            id=id,
            local_time=local_time,
            updated_at=updated_at,
            weekday=weekday,
        )

        slot_read.additional_properties = d
        return slot_read

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
