from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PublishingSettingsRead")


@_attrs_define
class PublishingSettingsRead:
    """
    Attributes:
        auto_draft_on_publish (bool):
        default_language (str):
        timezone (str):
        updated_at (datetime.datetime):
    """

    auto_draft_on_publish: bool
    default_language: str
    timezone: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auto_draft_on_publish = self.auto_draft_on_publish

        default_language = self.default_language

        timezone = self.timezone

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auto_draft_on_publish": auto_draft_on_publish,
                "default_language": default_language,
                "timezone": timezone,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        auto_draft_on_publish = d.pop("auto_draft_on_publish")

        default_language = d.pop("default_language")

        timezone = d.pop("timezone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        publishing_settings_read = cls(
            auto_draft_on_publish=auto_draft_on_publish,
            default_language=default_language,
            timezone=timezone,
            updated_at=updated_at,
        )

        publishing_settings_read.additional_properties = d
        return publishing_settings_read

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
