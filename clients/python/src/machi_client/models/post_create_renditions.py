from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.post_create_renditions_additional_property import (
    PostCreateRenditionsAdditionalProperty,
)

T = TypeVar("T", bound="PostCreateRenditions")


@_attrs_define
class PostCreateRenditions:
    """The catalog rendition of the post's photos per platform (`instagram`: `landscape`), replacing the platform's own
    choice (Instagram the 4:5 portrait crop, Facebook, X and Mastodon the original, Threads and LINE the web size). Each
    platform takes only those its rules allow (Instagram: portrait or landscape, within its 4:5 to 1.91:1); the preview
    names the rest.

    """

    additional_properties: dict[str, PostCreateRenditionsAdditionalProperty] = (
        _attrs_field(init=False, factory=dict)
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        post_create_renditions = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = PostCreateRenditionsAdditionalProperty(prop_dict)

            additional_properties[prop_name] = additional_property

        post_create_renditions.additional_properties = additional_properties
        return post_create_renditions

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> PostCreateRenditionsAdditionalProperty:
        return self.additional_properties[key]

    def __setitem__(
        self, key: str, value: PostCreateRenditionsAdditionalProperty
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
