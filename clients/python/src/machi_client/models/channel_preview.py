from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.broadcast_estimate import BroadcastEstimate
    from ..models.post_media import PostMedia


T = TypeVar("T", bound="ChannelPreview")


@_attrs_define
class ChannelPreview:
    """
    Attributes:
        channel_id (UUID):
        length (int):
        max_length (int):
        platform (str):
        problems (list[str]):
        text (str):
        valid (bool):
        broadcast (BroadcastEstimate | None | Unset):
        media (list[PostMedia] | Unset): The post's media as this platform gets them: each catalog photo as the
            rendition sent there (the platform's own, or the post's `renditions` choice).
    """

    channel_id: UUID
    length: int
    max_length: int
    platform: str
    problems: list[str]
    text: str
    valid: bool
    broadcast: BroadcastEstimate | None | Unset = UNSET
    media: list[PostMedia] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.broadcast_estimate import BroadcastEstimate

        channel_id = str(self.channel_id)

        length = self.length

        max_length = self.max_length

        platform = self.platform

        problems = self.problems

        text = self.text

        valid = self.valid

        broadcast: dict[str, Any] | None | Unset
        if isinstance(self.broadcast, Unset):
            broadcast = UNSET
        elif isinstance(self.broadcast, BroadcastEstimate):
            broadcast = self.broadcast.to_dict()
        else:
            broadcast = self.broadcast

        media: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = []
            for media_item_data in self.media:
                media_item = media_item_data.to_dict()
                media.append(media_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel_id": channel_id,
                "length": length,
                "max_length": max_length,
                "platform": platform,
                "problems": problems,
                "text": text,
                "valid": valid,
            }
        )
        if broadcast is not UNSET:
            field_dict["broadcast"] = broadcast
        if media is not UNSET:
            field_dict["media"] = media

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.broadcast_estimate import BroadcastEstimate
        from ..models.post_media import PostMedia

        d = dict(src_dict)
        channel_id = UUID(d.pop("channel_id"))

        length = d.pop("length")

        max_length = d.pop("max_length")

        platform = d.pop("platform")

        problems = cast(list[str], d.pop("problems"))

        text = d.pop("text")

        valid = d.pop("valid")

        def _parse_broadcast(data: object) -> BroadcastEstimate | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                broadcast_type_0 = BroadcastEstimate.from_dict(data)

                return broadcast_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BroadcastEstimate | None | Unset, data)

        broadcast = _parse_broadcast(d.pop("broadcast", UNSET))

        _media = d.pop("media", UNSET)
        media: list[PostMedia] | Unset = UNSET
        if _media is not UNSET:
            media = []
            for media_item_data in _media:
                media_item = PostMedia.from_dict(media_item_data)

                media.append(media_item)

        channel_preview = cls(
            channel_id=channel_id,
            length=length,
            max_length=max_length,
            platform=platform,
            problems=problems,
            text=text,
            valid=valid,
            broadcast=broadcast,
            media=media,
        )

        channel_preview.additional_properties = d
        return channel_preview

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
