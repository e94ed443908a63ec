from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PublishingDefaults")


@_attrs_define
class PublishingDefaults:
    """The reusable publishing settings (the timezone travels with the tenant itself).

    Attributes:
        auto_draft_on_publish (bool | Unset):  Default: True.
        default_language (str | Unset):  Default: 'ja'.
    """

    auto_draft_on_publish: bool | Unset = True
    default_language: str | Unset = "ja"

    def to_dict(self) -> dict[str, Any]:
        auto_draft_on_publish = self.auto_draft_on_publish

        default_language = self.default_language

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if auto_draft_on_publish is not UNSET:
            field_dict["auto_draft_on_publish"] = auto_draft_on_publish
        if default_language is not UNSET:
            field_dict["default_language"] = default_language

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        auto_draft_on_publish = d.pop("auto_draft_on_publish", UNSET)

        default_language = d.pop("default_language", UNSET)

        publishing_defaults = cls(
            auto_draft_on_publish=auto_draft_on_publish,
            default_language=default_language,
        )

        return publishing_defaults
