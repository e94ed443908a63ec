from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.media_update_alt import MediaUpdateAlt


T = TypeVar("T", bound="MediaUpdate")


@_attrs_define
class MediaUpdate:
    """Alt text to set: each language given replaces that language's text; an empty text
    removes it; languages not given stay as they are.

        Attributes:
            alt (MediaUpdateAlt):
    """

    alt: MediaUpdateAlt

    def to_dict(self) -> dict[str, Any]:
        alt = self.alt.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "alt": alt,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.media_update_alt import MediaUpdateAlt

        d = dict(src_dict)
        alt = MediaUpdateAlt.from_dict(d.pop("alt"))

        media_update = cls(
            alt=alt,
        )

        return media_update
