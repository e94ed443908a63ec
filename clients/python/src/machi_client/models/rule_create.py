from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rule_create_language_type_0 import RuleCreateLanguageType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="RuleCreate")


@_attrs_define
class RuleCreate:
    """Give new conversations on a channel, whose first message holds a keyword (case ignored)
    or is in a language, to a staff member (`assignee`) or to a group (`group_id`: its members
    in turn); rules are tried in `position` order, the first match wins.

        Attributes:
            assignee (None | str | Unset): A user id (`/v1/me`).
            channel_id (None | Unset | UUID):
            group_id (None | Unset | UUID):
            keyword (None | str | Unset):
            language (None | RuleCreateLanguageType0 | Unset): The citizen's first words' language, told by their script.
            position (int | Unset):  Default: 100.
    """

    assignee: None | str | Unset = UNSET
    channel_id: None | Unset | UUID = UNSET
    group_id: None | Unset | UUID = UNSET
    keyword: None | str | Unset = UNSET
    language: None | RuleCreateLanguageType0 | Unset = UNSET
    position: int | Unset = 100
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assignee: None | str | Unset
        if isinstance(self.assignee, Unset):
            assignee = UNSET
        else:
            assignee = self.assignee

        channel_id: None | str | Unset
        if isinstance(self.channel_id, Unset):
            channel_id = UNSET
        elif isinstance(self.channel_id, UUID):
            channel_id = str(self.channel_id)
        else:
            channel_id = self.channel_id

        group_id: None | str | Unset
        if isinstance(self.group_id, Unset):
            group_id = UNSET
        elif isinstance(self.group_id, UUID):
            group_id = str(self.group_id)
        else:
            group_id = self.group_id

        keyword: None | str | Unset
        if isinstance(self.keyword, Unset):
            keyword = UNSET
        else:
            keyword = self.keyword

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        elif isinstance(self.language, RuleCreateLanguageType0):
            language = self.language.value
        else:
            language = self.language

        position = self.position

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if assignee is not UNSET:
            field_dict["assignee"] = assignee
        if channel_id is not UNSET:
            field_dict["channel_id"] = channel_id
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if keyword is not UNSET:
            field_dict["keyword"] = keyword
        if language is not UNSET:
            field_dict["language"] = language
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_assignee(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assignee = _parse_assignee(d.pop("assignee", UNSET))

        def _parse_channel_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_id_type_0 = UUID(data)

                return channel_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        channel_id = _parse_channel_id(d.pop("channel_id", UNSET))

        def _parse_group_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                group_id_type_0 = UUID(data)

                return group_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        group_id = _parse_group_id(d.pop("group_id", UNSET))

        def _parse_keyword(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        keyword = _parse_keyword(d.pop("keyword", UNSET))

        def _parse_language(data: object) -> None | RuleCreateLanguageType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_type_0 = RuleCreateLanguageType0(data)

                return language_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RuleCreateLanguageType0 | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        position = d.pop("position", UNSET)

        rule_create = cls(
            assignee=assignee,
            channel_id=channel_id,
            group_id=group_id,
            keyword=keyword,
            language=language,
            position=position,
        )

        rule_create.additional_properties = d
        return rule_create

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
