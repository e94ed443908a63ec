from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.media_product_use_status import MediaProductUseStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.media_product_use_name import MediaProductUseName


T = TypeVar("T", bound="MediaProductUse")


@_attrs_define
class MediaProductUse:
    """A product showing the photo.

    Attributes:
        id (UUID):
        name (MediaProductUseName):
        slug (str):
        status (MediaProductUseStatus):
        display_name (None | str | Unset):
        lang (None | str | Unset):
    """

    id: UUID
    name: MediaProductUseName
    slug: str
    status: MediaProductUseStatus
    display_name: None | str | Unset = UNSET
    lang: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name.to_dict()

        slug = self.slug

        status = self.status.value

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        lang: None | str | Unset
        if isinstance(self.lang, Unset):
            lang = UNSET
        else:
            lang = self.lang

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "slug": slug,
                "status": status,
            }
        )
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if lang is not UNSET:
            field_dict["lang"] = lang

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.media_product_use_name import MediaProductUseName

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = MediaProductUseName.from_dict(d.pop("name"))

        slug = d.pop("slug")

        status = MediaProductUseStatus(d.pop("status"))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_lang(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lang = _parse_lang(d.pop("lang", UNSET))

        media_product_use = cls(
            id=id,
            name=name,
            slug=slug,
            status=status,
            display_name=display_name,
            lang=lang,
        )

        media_product_use.additional_properties = d
        return media_product_use

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
