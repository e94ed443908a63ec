from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rule_read_language_type_0 import RuleReadLanguageType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="RuleRead")


@_attrs_define
class RuleRead:
    """
    Attributes:
        assignee (None | str):
        channel_id (None | UUID):
        created_at (datetime.datetime):
        id (UUID):
        keyword (None | str):
        position (int):
        group_id (None | Unset | UUID):
        language (None | RuleReadLanguageType0 | Unset):
    """

    assignee: None | str
    channel_id: None | UUID
    created_at: datetime.datetime
    id: UUID
    keyword: None | str
    position: int
    group_id: None | Unset | UUID = UNSET
    language: None | RuleReadLanguageType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assignee: None | str
        assignee = self.assignee

        channel_id: None | str
        if isinstance(self.channel_id, UUID):
            channel_id = str(self.channel_id)
        else:
            channel_id = self.channel_id

        created_at = self.created_at.isoformat()

        id = str(self.id)

        keyword: None | str
        keyword = self.keyword

        position = self.position

        group_id: None | str | Unset
        if isinstance(self.group_id, Unset):
            group_id = UNSET
        elif isinstance(self.group_id, UUID):
            group_id = str(self.group_id)
        else:
            group_id = self.group_id

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        elif isinstance(self.language, RuleReadLanguageType0):
            language = self.language.value
        else:
            language = self.language

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assignee": assignee,
                "channel_id": channel_id,
                "created_at": created_at,
                "id": id,
                "keyword": keyword,
                "position": position,
            }
        )
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_assignee(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assignee = _parse_assignee(d.pop("assignee"))

        def _parse_channel_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_id_type_0 = UUID(data)

                return channel_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        channel_id = _parse_channel_id(d.pop("channel_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        def _parse_keyword(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        keyword = _parse_keyword(d.pop("keyword"))

        position = d.pop("position")

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

        def _parse_language(data: object) -> None | RuleReadLanguageType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_type_0 = RuleReadLanguageType0(data)

                return language_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RuleReadLanguageType0 | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        rule_read = cls(
            assignee=assignee,
            channel_id=channel_id,
            created_at=created_at,
            id=id,
            keyword=keyword,
            position=position,
            group_id=group_id,
            language=language,
        )

        rule_read.additional_properties = d
        return rule_read

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
