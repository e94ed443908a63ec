from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChannelNeedsReauthV1")


@_attrs_define
class ChannelNeedsReauthV1:
    """
    Attributes:
        channel_id (UUID):
        name (str):
        platform (str):
        reason (str):
    """

    channel_id: UUID
    name: str
    platform: str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel_id = str(self.channel_id)

        name = self.name

        platform = self.platform

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel_id": channel_id,
                "name": name,
                "platform": platform,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        channel_id = UUID(d.pop("channel_id"))

        name = d.pop("name")

        platform = d.pop("platform")

        reason = d.pop("reason")

        channel_needs_reauth_v1 = cls(
            channel_id=channel_id,
            name=name,
            platform=platform,
            reason=reason,
        )

        channel_needs_reauth_v1.additional_properties = d
        return channel_needs_reauth_v1

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
