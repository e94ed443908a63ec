from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SandboxPostRead")


@_attrs_define
class SandboxPostRead:
    """
    Attributes:
        created_at (datetime.datetime):
        delivery_id (UUID):
        id (UUID):
        text (str):
    """

    created_at: datetime.datetime
    delivery_id: UUID
    id: UUID
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        delivery_id = str(self.delivery_id)

        id = str(self.id)

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "delivery_id": delivery_id,
                "id": id,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        delivery_id = UUID(d.pop("delivery_id"))

        id = UUID(d.pop("id"))

        text = d.pop("text")

        sandbox_post_read = cls(
            created_at=created_at,
            delivery_id=delivery_id,
            id=id,
            text=text,
        )

        sandbox_post_read.additional_properties = d
        return sandbox_post_read

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
