from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SavedReplyBodies")


@_attrs_define
class SavedReplyBodies:
    """A saved reply's words per language; at least one.

    Attributes:
        en (None | str | Unset):
        ja (None | str | Unset):
        ko (None | str | Unset):
    """

    en: None | str | Unset = UNSET
    ja: None | str | Unset = UNSET
    ko: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        en: None | str | Unset
        if isinstance(self.en, Unset):
            en = UNSET
        else:
            en = self.en

        ja: None | str | Unset
        if isinstance(self.ja, Unset):
            ja = UNSET
        else:
            ja = self.ja

        ko: None | str | Unset
        if isinstance(self.ko, Unset):
            ko = UNSET
        else:
            ko = self.ko

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if en is not UNSET:
            field_dict["en"] = en
        if ja is not UNSET:
            field_dict["ja"] = ja
        if ko is not UNSET:
            field_dict["ko"] = ko

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_en(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        en = _parse_en(d.pop("en", UNSET))

        def _parse_ja(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ja = _parse_ja(d.pop("ja", UNSET))

        def _parse_ko(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ko = _parse_ko(d.pop("ko", UNSET))

        saved_reply_bodies = cls(
            en=en,
            ja=ja,
            ko=ko,
        )

        return saved_reply_bodies
