from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.media_attachment_read_alt import MediaAttachmentReadAlt
    from ..models.media_attachment_read_urls import MediaAttachmentReadUrls


T = TypeVar("T", bound="MediaAttachmentRead")


@_attrs_define
class MediaAttachmentRead:
    """
    Attributes:
        media_id (UUID):
        alt (MediaAttachmentReadAlt | Unset):
        display_alt (None | str | Unset):
        urls (MediaAttachmentReadUrls | Unset):
    """

    media_id: UUID
    alt: MediaAttachmentReadAlt | Unset = UNSET
    display_alt: None | str | Unset = UNSET
    urls: MediaAttachmentReadUrls | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        media_id = str(self.media_id)

        alt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.alt, Unset):
            alt = self.alt.to_dict()

        display_alt: None | str | Unset
        if isinstance(self.display_alt, Unset):
            display_alt = UNSET
        else:
            display_alt = self.display_alt

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
        if display_alt is not UNSET:
            field_dict["display_alt"] = display_alt
        if urls is not UNSET:
            field_dict["urls"] = urls

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.media_attachment_read_alt import MediaAttachmentReadAlt
        from ..models.media_attachment_read_urls import MediaAttachmentReadUrls

        d = dict(src_dict)
        media_id = UUID(d.pop("media_id"))

        _alt = d.pop("alt", UNSET)
        alt: MediaAttachmentReadAlt | Unset
        if isinstance(_alt, Unset):
            alt = UNSET
        else:
            alt = MediaAttachmentReadAlt.from_dict(_alt)

        def _parse_display_alt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_alt = _parse_display_alt(d.pop("display_alt", UNSET))

        _urls = d.pop("urls", UNSET)
        urls: MediaAttachmentReadUrls | Unset
        if isinstance(_urls, Unset):
            urls = UNSET
        else:
            urls = MediaAttachmentReadUrls.from_dict(_urls)

        media_attachment_read = cls(
            media_id=media_id,
            alt=alt,
            display_alt=display_alt,
            urls=urls,
        )

        media_attachment_read.additional_properties = d
        return media_attachment_read

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
