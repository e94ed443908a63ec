from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.public_media_alt_type_1 import PublicMediaAltType1
    from ..models.public_media_urls import PublicMediaUrls


T = TypeVar("T", bound="PublicMedia")


@_attrs_define
class PublicMedia:
    """
    Attributes:
        media_id (UUID):
        alt (PublicMediaAltType1 | str | Unset): The text in the visitor's language; `{}` when there is none. Default:
            '{}'.
        urls (PublicMediaUrls | Unset): Rendition name -> public URL.
    """

    media_id: UUID
    alt: PublicMediaAltType1 | str | Unset = "{}"
    urls: PublicMediaUrls | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.public_media_alt_type_1 import PublicMediaAltType1

        media_id = str(self.media_id)

        alt: dict[str, Any] | str | Unset
        if isinstance(self.alt, Unset):
            alt = UNSET
        elif isinstance(self.alt, PublicMediaAltType1):
            alt = self.alt.to_dict()
        else:
            alt = self.alt

        urls: dict[str, Any] | Unset = UNSET
        if not isinstance(self.urls, Unset):
            urls = self.urls.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "media_id": media_id,
            }
        )
        if alt is not UNSET:
            field_dict["alt"] = alt
        if urls is not UNSET:
            field_dict["urls"] = urls

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.public_media_alt_type_1 import PublicMediaAltType1
        from ..models.public_media_urls import PublicMediaUrls

        d = dict(src_dict)
        media_id = UUID(d.pop("media_id"))

        def _parse_alt(data: object) -> PublicMediaAltType1 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                alt_type_1 = PublicMediaAltType1.from_dict(data)

                return alt_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PublicMediaAltType1 | str | Unset, data)

        alt = _parse_alt(d.pop("alt", UNSET))

        _urls = d.pop("urls", UNSET)
        urls: PublicMediaUrls | Unset
        if isinstance(_urls, Unset):
            urls = UNSET
        else:
            urls = PublicMediaUrls.from_dict(_urls)

        public_media = cls(
            media_id=media_id,
            alt=alt,
            urls=urls,
        )

        public_media.additional_properties = d
        return public_media

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
