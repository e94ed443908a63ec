from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChannelNeedsReauthV1")


@_attrs_define
class ChannelNeedsReauthV1:
    """
    Attributes:
        channel_id (UUID):
        name (str):
        platform (str):
        reason (str):
        owner_kind (str | Unset):  Default: 'town'.
        owner_user (None | str | Unset):
    """

    channel_id: UUID
    name: str
    platform: str
    reason: str
    owner_kind: str | Unset = "town"
    owner_user: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel_id = str(self.channel_id)

        name = self.name

        platform = self.platform

        reason = self.reason

        owner_kind = self.owner_kind

        owner_user: None | str | Unset
        if isinstance(self.owner_user, Unset):
            owner_user = UNSET
        else:
            owner_user = self.owner_user

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
        if owner_kind is not UNSET:
            field_dict["owner_kind"] = owner_kind
        if owner_user is not UNSET:
            field_dict["owner_user"] = owner_user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        channel_id = UUID(d.pop("channel_id"))

        name = d.pop("name")

        platform = d.pop("platform")

        reason = d.pop("reason")

        owner_kind = d.pop("owner_kind", UNSET)

        def _parse_owner_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_user = _parse_owner_user(d.pop("owner_user", UNSET))

        channel_needs_reauth_v1 = cls(
            channel_id=channel_id,
            name=name,
            platform=platform,
            reason=reason,
            owner_kind=owner_kind,
            owner_user=owner_user,
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
