from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LineCredentials")


@_attrs_define
class LineCredentials:
    """
    Attributes:
        access_token (str): The channel access token of the LINE Official Account (Messaging API).
        channel_secret (None | str | Unset): The channel secret (Basic settings): checks the inbox's webhook signatures
            (`X-Line-Signature`). Sealed with the token, never returned.
    """

    access_token: str
    channel_secret: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        channel_secret: None | str | Unset
        if isinstance(self.channel_secret, Unset):
            channel_secret = UNSET
        else:
            channel_secret = self.channel_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
            }
        )
        if channel_secret is not UNSET:
            field_dict["channel_secret"] = channel_secret

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        def _parse_channel_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        channel_secret = _parse_channel_secret(d.pop("channel_secret", UNSET))

        line_credentials = cls(
            access_token=access_token,
            channel_secret=channel_secret,
        )

        line_credentials.additional_properties = d
        return line_credentials

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
