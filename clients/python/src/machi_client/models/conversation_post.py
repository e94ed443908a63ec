from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConversationPost")


@_attrs_define
class ConversationPost:
    """The town's post a comment thread is on, when Machi published it there.

    Attributes:
        permalink (None | str):
        photo_url (None | str): The post's first picture, if it had one.
        post_id (UUID):
        text (str): The start of the post's text.
    """

    permalink: None | str
    photo_url: None | str
    post_id: UUID
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        permalink: None | str
        permalink = self.permalink

        photo_url: None | str
        photo_url = self.photo_url

        post_id = str(self.post_id)

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "permalink": permalink,
                "photo_url": photo_url,
                "post_id": post_id,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_permalink(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        permalink = _parse_permalink(d.pop("permalink"))

        def _parse_photo_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        photo_url = _parse_photo_url(d.pop("photo_url"))

        post_id = UUID(d.pop("post_id"))

        text = d.pop("text")

        conversation_post = cls(
            permalink=permalink,
            photo_url=photo_url,
            post_id=post_id,
            text=text,
        )

        conversation_post.additional_properties = d
        return conversation_post

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
