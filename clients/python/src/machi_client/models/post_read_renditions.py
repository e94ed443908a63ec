from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PostReadRenditions")


@_attrs_define
class PostReadRenditions:
    """The catalog rendition of the post's photos per platform (`instagram`: `landscape`), replacing the platform's own
    choice (Instagram the 4:5 portrait crop, Facebook, X and Mastodon the original, Threads and LINE the web size). Each
    platform takes only those its rules allow (Instagram: portrait or landscape, within its 4:5 to 1.91:1); the preview
    names the rest.

    """

    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        post_read_renditions = cls()

        post_read_renditions.additional_properties = d
        return post_read_renditions

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
