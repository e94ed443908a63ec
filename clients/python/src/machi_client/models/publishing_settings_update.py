from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PublishingSettingsUpdate")


@_attrs_define
class PublishingSettingsUpdate:
    """
    Attributes:
        auto_draft_on_publish (bool | None | Unset):
        default_language (None | str | Unset):
        timezone (None | str | Unset):
    """

    auto_draft_on_publish: bool | None | Unset = UNSET
    default_language: None | str | Unset = UNSET
    timezone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auto_draft_on_publish: bool | None | Unset
        if isinstance(self.auto_draft_on_publish, Unset):
            auto_draft_on_publish = UNSET
        else:
            auto_draft_on_publish = self.auto_draft_on_publish

        default_language: None | str | Unset
        if isinstance(self.default_language, Unset):
            default_language = UNSET
        else:
            default_language = self.default_language

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if auto_draft_on_publish is not UNSET:
            field_dict["auto_draft_on_publish"] = auto_draft_on_publish
        if default_language is not UNSET:
            field_dict["default_language"] = default_language
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_auto_draft_on_publish(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        auto_draft_on_publish = _parse_auto_draft_on_publish(
            d.pop("auto_draft_on_publish", UNSET)
        )

        def _parse_default_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_language = _parse_default_language(d.pop("default_language", UNSET))

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        publishing_settings_update = cls(
            auto_draft_on_publish=auto_draft_on_publish,
            default_language=default_language,
            timezone=timezone,
        )

        publishing_settings_update.additional_properties = d
        return publishing_settings_update

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
