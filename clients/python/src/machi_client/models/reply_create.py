from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reply_create_language_type_0 import ReplyCreateLanguageType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReplyCreate")


@_attrs_define
class ReplyCreate:
    """The answer's words: `text`, or a saved reply (`template_id`) in `language`.

    Attributes:
        confirm_push (bool | Unset): LINE: once the citizen's reply token has expired, the answer can only be a push
            message, counted against the account's monthly quota; send `true` to accept. Default: False.
        language (None | ReplyCreateLanguageType0 | Unset): Which of the template's bodies to send; left out: the
            conversation's `language` when the template has it, else its only body.
        template_id (None | Unset | UUID): A saved reply (`/v1/settings/inbox/templates`) to send.
        text (None | str | Unset):
    """

    confirm_push: bool | Unset = False
    language: None | ReplyCreateLanguageType0 | Unset = UNSET
    template_id: None | Unset | UUID = UNSET
    text: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        confirm_push = self.confirm_push

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        elif isinstance(self.language, ReplyCreateLanguageType0):
            language = self.language.value
        else:
            language = self.language

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        elif isinstance(self.template_id, UUID):
            template_id = str(self.template_id)
        else:
            template_id = self.template_id

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if confirm_push is not UNSET:
            field_dict["confirm_push"] = confirm_push
        if language is not UNSET:
            field_dict["language"] = language
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        confirm_push = d.pop("confirm_push", UNSET)

        def _parse_language(data: object) -> None | ReplyCreateLanguageType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_type_0 = ReplyCreateLanguageType0(data)

                return language_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReplyCreateLanguageType0 | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        def _parse_template_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                template_id_type_0 = UUID(data)

                return template_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        template_id = _parse_template_id(d.pop("template_id", UNSET))

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        reply_create = cls(
            confirm_push=confirm_push,
            language=language,
            template_id=template_id,
            text=text,
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
