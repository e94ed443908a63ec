from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReplyCreate")


@_attrs_define
class ReplyCreate:
    """
    Attributes:
        text (str):
        confirm_push (bool | Unset): LINE: once the citizen's reply token has expired, the answer can only be a push
            message, counted against the account's monthly quota; send `true` to accept. Default: False.
    """

    text: str
    confirm_push: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        confirm_push = self.confirm_push

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
            }
        )
        if confirm_push is not UNSET:
            field_dict["confirm_push"] = confirm_push

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        text = d.pop("text")

        confirm_push = d.pop("confirm_push", UNSET)

        reply_create = cls(
            text=text,
            confirm_push=confirm_push,
        )

        reply_create.additional_properties = d
        return reply_create

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
