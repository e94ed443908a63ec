from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.post_media_type_type_0 import PostMediaTypeType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.post_media_alt_type_0 import PostMediaAltType0


T = TypeVar("T", bound="PostMedia")


@_attrs_define
class PostMedia:
    """A catalog media rendition at a public URL; sizes let the aspect ratio be checked.

    Attributes:
        url (str):
        alt (None | PostMediaAltType0 | Unset): Alt text per language (`ja`, `ko`, `en`): the platforms that take alt
            text get the post's language's, else another's (as the catalog's media carry it).
        bytes_ (int | None | Unset): The file's size: checked against each platform's.
        height (int | None | Unset):
        type_ (None | PostMediaTypeType0 | Unset): None: a video when the URL ends like one (.mp4, .mov), else image.
        width (int | None | Unset):
    """

    url: str
    alt: None | PostMediaAltType0 | Unset = UNSET
    bytes_: int | None | Unset = UNSET
    height: int | None | Unset = UNSET
    type_: None | PostMediaTypeType0 | Unset = UNSET
    width: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.post_media_alt_type_0 import PostMediaAltType0

        url = self.url

        alt: dict[str, Any] | None | Unset
        if isinstance(self.alt, Unset):
            alt = UNSET
        elif isinstance(self.alt, PostMediaAltType0):
            alt = self.alt.to_dict()
        else:
            alt = self.alt

        bytes_: int | None | Unset
        if isinstance(self.bytes_, Unset):
            bytes_ = UNSET
        else:
            bytes_ = self.bytes_

        height: int | None | Unset
        if isinstance(self.height, Unset):
            height = UNSET
        else:
            height = self.height

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, PostMediaTypeType0):
            type_ = self.type_.value
        else:
            type_ = self.type_

        width: int | None | Unset
        if isinstance(self.width, Unset):
            width = UNSET
        else:
            width = self.width

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
            }
        )
        if alt is not UNSET:
            field_dict["alt"] = alt
        if bytes_ is not UNSET:
            field_dict["bytes"] = bytes_
        if height is not UNSET:
            field_dict["height"] = height
        if type_ is not UNSET:
            field_dict["type"] = type_
        if width is not UNSET:
            field_dict["width"] = width

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.post_media_alt_type_0 import PostMediaAltType0

        d = dict(src_dict)
        url = d.pop("url")

        def _parse_alt(data: object) -> None | PostMediaAltType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                alt_type_0 = PostMediaAltType0.from_dict(data)

                return alt_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostMediaAltType0 | Unset, data)

        alt = _parse_alt(d.pop("alt", UNSET))

        def _parse_bytes_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bytes_ = _parse_bytes_(d.pop("bytes", UNSET))

        def _parse_height(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        height = _parse_height(d.pop("height", UNSET))

        def _parse_type_(data: object) -> None | PostMediaTypeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = PostMediaTypeType0(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostMediaTypeType0 | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_width(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        width = _parse_width(d.pop("width", UNSET))

        post_media = cls(
            url=url,
            alt=alt,
            bytes_=bytes_,
            height=height,
            type_=type_,
            width=width,
        )

        post_media.additional_properties = d
        return post_media

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
