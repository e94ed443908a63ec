from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PublicPost")


@_attrs_define
class PublicPost:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        text (str):
        permalinks (list[str] | Unset): The post on each platform.
        url (None | str | Unset):
    """

    created_at: datetime.datetime
    id: UUID
    text: str
    permalinks: list[str] | Unset = UNSET
    url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        text = self.text

        permalinks: list[str] | Unset = UNSET
        if not isinstance(self.permalinks, Unset):
            permalinks = self.permalinks

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "text": text,
            }
        )
        if permalinks is not UNSET:
            field_dict["permalinks"] = permalinks
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        text = d.pop("text")

        permalinks = cast(list[str], d.pop("permalinks", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        public_post = cls(
            created_at=created_at,
            id=id,
            text=text,
            permalinks=permalinks,
            url=url,
        )

        public_post.additional_properties = d
        return public_post

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
