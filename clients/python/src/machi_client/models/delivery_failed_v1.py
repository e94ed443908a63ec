from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeliveryFailedV1")


@_attrs_define
class DeliveryFailedV1:
    """
    Attributes:
        category (str):
        channel_id (UUID):
        delivery_id (UUID):
        platform (str):
        post_id (UUID):
        reason (str):
    """

    category: str
    channel_id: UUID
    delivery_id: UUID
    platform: str
    post_id: UUID
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category = self.category

        channel_id = str(self.channel_id)

        delivery_id = str(self.delivery_id)

        platform = self.platform

        post_id = str(self.post_id)

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "channel_id": channel_id,
                "delivery_id": delivery_id,
                "platform": platform,
                "post_id": post_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        category = d.pop("category")

        channel_id = UUID(d.pop("channel_id"))

        delivery_id = UUID(d.pop("delivery_id"))

        platform = d.pop("platform")

        post_id = UUID(d.pop("post_id"))

        reason = d.pop("reason")

        delivery_failed_v1 = cls(
            category=category,
            channel_id=channel_id,
            delivery_id=delivery_id,
            platform=platform,
            post_id=post_id,
            reason=reason,
        )

        delivery_failed_v1.additional_properties = d
        return delivery_failed_v1

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
