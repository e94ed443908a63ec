from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.media_read_alt import MediaReadAlt
    from ..models.media_read_urls import MediaReadUrls


T = TypeVar("T", bound="MediaRead")


@_attrs_define
class MediaRead:
    """
    Attributes:
        content_type (str):
        created_at (datetime.datetime):
        filename (None | str):
        height (int):
        id (UUID):
        size_bytes (int):
        updated_at (datetime.datetime):
        width (int):
        alt (MediaReadAlt | Unset): Alt text per language (`{"ja": ..., "ko": ..., "en": ...}`): what the photo shows,
            for people who cannot see it. Shown and published wherever the photo is used, in the page's or post's language;
            a product's own alt text for the photo fills the languages this has none for.
        urls (MediaReadUrls | Unset):
    """

    content_type: str
    created_at: datetime.datetime
    filename: None | str
    height: int
    id: UUID
    size_bytes: int
    updated_at: datetime.datetime
    width: int
    alt: MediaReadAlt | Unset = UNSET
    urls: MediaReadUrls | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        created_at = self.created_at.isoformat()

        filename: None | str
        filename = self.filename

        height = self.height

        id = str(self.id)

        size_bytes = self.size_bytes

        updated_at = self.updated_at.isoformat()

        width = self.width

        alt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.alt, Unset):
            alt = self.alt.to_dict()

        urls: dict[str, Any] | Unset = UNSET
        if not isinstance(self.urls, Unset):
            urls = self.urls.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content_type": content_type,
                "created_at": created_at,
                "filename": filename,
                "height": height,
                "id": id,
                "size_bytes": size_bytes,
                "updated_at": updated_at,
                "width": width,
            }
        )
        if alt is not UNSET:
            field_dict["alt"] = alt
        if urls is not UNSET:
            field_dict["urls"] = urls

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.media_read_alt import MediaReadAlt
        from ..models.media_read_urls import MediaReadUrls

        d = dict(src_dict)
        content_type = d.pop("content_type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_filename(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        filename = _parse_filename(d.pop("filename"))

        height = d.pop("height")

        id = UUID(d.pop("id"))

        size_bytes = d.pop("size_bytes")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        width = d.pop("width")

        _alt = d.pop("alt", UNSET)
        alt: MediaReadAlt | Unset
        if isinstance(_alt, Unset):
            alt = UNSET
        else:
            alt = MediaReadAlt.from_dict(_alt)

        _urls = d.pop("urls", UNSET)
        urls: MediaReadUrls | Unset
        if isinstance(_urls, Unset):
            urls = UNSET
        else:
            urls = MediaReadUrls.from_dict(_urls)

        media_read = cls(
            content_type=content_type,
            created_at=created_at,
            filename=filename,
            height=height,
            id=id,
            size_bytes=size_bytes,
            updated_at=updated_at,
            width=width,
            alt=alt,
            urls=urls,
        )

        media_read.additional_properties = d
        return media_read

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
