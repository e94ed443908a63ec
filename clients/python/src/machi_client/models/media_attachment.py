from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.media_attachment_alt import MediaAttachmentAlt


T = TypeVar("T", bound="MediaAttachment")


@_attrs_define
class MediaAttachment:
    """
    Attributes:
        media_id (UUID):
        alt (MediaAttachmentAlt | Unset):
    """

    media_id: UUID
    alt: MediaAttachmentAlt | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        media_id = str(self.media_id)

        alt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.alt, Unset):
            alt = self.alt.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "media_id": media_id,
            }
        )
        if alt is not UNSET:
            field_dict["alt"] = alt

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.media_attachment_alt import MediaAttachmentAlt

        d = dict(src_dict)
        media_id = UUID(d.pop("media_id"))

        _alt = d.pop("alt", UNSET)
        alt: MediaAttachmentAlt | Unset
        if isinstance(_alt, Unset):
            alt = UNSET
        else:
            alt = MediaAttachmentAlt.from_dict(_alt)

        media_attachment = cls(
            media_id=media_id,
            alt=alt,
        )

        media_attachment.additional_properties = d
        return media_attachment

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
