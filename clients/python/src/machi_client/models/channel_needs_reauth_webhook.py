from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.channel_needs_reauth_v1 import ChannelNeedsReauthV1


T = TypeVar("T", bound="ChannelNeedsReauthWebhook")


@_attrs_define
class ChannelNeedsReauthWebhook:
    """A channel's login expired or was revoked; an admin must connect it again.

    Attributes:
        data (ChannelNeedsReauthV1):
        timestamp (datetime.datetime): When the event happened.
        type_ (Literal['channel.needs_reauth']):
    """

    data: ChannelNeedsReauthV1
    timestamp: datetime.datetime
    type_: Literal["channel.needs_reauth"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        timestamp = self.timestamp.isoformat()

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "timestamp": timestamp,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.channel_needs_reauth_v1 import ChannelNeedsReauthV1

        d = dict(src_dict)
        data = ChannelNeedsReauthV1.from_dict(d.pop("data"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        type_ = cast(Literal["channel.needs_reauth"], d.pop("type"))
        if type_ != "channel.needs_reauth":
            raise ValueError(
                f"type must match const 'channel.needs_reauth', got '{type_}'"
            )

        channel_needs_reauth_webhook = cls(
            data=data,
            timestamp=timestamp,
            type_=type_,
        )

        channel_needs_reauth_webhook.additional_properties = d
        return channel_needs_reauth_webhook

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
