from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.post_media import PostMedia
    from ..models.post_update_renditions_type_0 import PostUpdateRenditionsType0
    from ..models.post_update_variants_type_0 import PostUpdateVariantsType0


T = TypeVar("T", bound="PostUpdate")


@_attrs_define
class PostUpdate:
    """
    Attributes:
        channel_ids (list[UUID] | None | Unset):
        media (list[PostMedia] | None | Unset):
        renditions (None | PostUpdateRenditionsType0 | Unset): The catalog rendition of the post's photos per platform
            (`instagram`: `landscape`), replacing the platform's own choice (Instagram the 4:5 portrait crop, Facebook, X
            and Mastodon the original, Threads and LINE the web size). Each platform takes only those its rules allow
            (Instagram: portrait or landscape, within its 4:5 to 1.91:1); the preview names the rest.
        text (None | str | Unset):
        url (None | str | Unset):
        variants (None | PostUpdateVariantsType0 | Unset):
    """

    channel_ids: list[UUID] | None | Unset = UNSET
    media: list[PostMedia] | None | Unset = UNSET
    renditions: None | PostUpdateRenditionsType0 | Unset = UNSET
    text: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    variants: None | PostUpdateVariantsType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.post_update_renditions_type_0 import PostUpdateRenditionsType0
        from ..models.post_update_variants_type_0 import PostUpdateVariantsType0

        channel_ids: list[str] | None | Unset
        if isinstance(self.channel_ids, Unset):
            channel_ids = UNSET
        elif isinstance(self.channel_ids, list):
            channel_ids = []
            for channel_ids_type_0_item_data in self.channel_ids:
                channel_ids_type_0_item = str(channel_ids_type_0_item_data)
                channel_ids.append(channel_ids_type_0_item)

        else:
            channel_ids = self.channel_ids

        media: list[dict[str, Any]] | None | Unset
        if isinstance(self.media, Unset):
            media = UNSET
        elif isinstance(self.media, list):
            media = []
            for media_type_0_item_data in self.media:
                media_type_0_item = media_type_0_item_data.to_dict()
                media.append(media_type_0_item)

        else:
            media = self.media

        renditions: dict[str, Any] | None | Unset
        if isinstance(self.renditions, Unset):
            renditions = UNSET
        elif isinstance(self.renditions, PostUpdateRenditionsType0):
            renditions = self.renditions.to_dict()
        else:
            renditions = self.renditions

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        variants: dict[str, Any] | None | Unset
        if isinstance(self.variants, Unset):
            variants = UNSET
        elif isinstance(self.variants, PostUpdateVariantsType0):
            variants = self.variants.to_dict()
        else:
            variants = self.variants

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if channel_ids is not UNSET:
            field_dict["channel_ids"] = channel_ids
        if media is not UNSET:
            field_dict["media"] = media
        if renditions is not UNSET:
            field_dict["renditions"] = renditions
        if text is not UNSET:
            field_dict["text"] = text
        if url is not UNSET:
            field_dict["url"] = url
        if variants is not UNSET:
            field_dict["variants"] = variants

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.post_media import PostMedia
        from ..models.post_update_renditions_type_0 import PostUpdateRenditionsType0
        from ..models.post_update_variants_type_0 import PostUpdateVariantsType0

        d = dict(src_dict)

        def _parse_channel_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                channel_ids_type_0 = []
                _channel_ids_type_0 = data
                for channel_ids_type_0_item_data in _channel_ids_type_0:
                    channel_ids_type_0_item = UUID(channel_ids_type_0_item_data)

                    channel_ids_type_0.append(channel_ids_type_0_item)

                return channel_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        channel_ids = _parse_channel_ids(d.pop("channel_ids", UNSET))

        def _parse_media(data: object) -> list[PostMedia] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                media_type_0 = []
                _media_type_0 = data
                for media_type_0_item_data in _media_type_0:
                    media_type_0_item = PostMedia.from_dict(media_type_0_item_data)

                    media_type_0.append(media_type_0_item)

                return media_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PostMedia] | None | Unset, data)

        media = _parse_media(d.pop("media", UNSET))

        def _parse_renditions(data: object) -> None | PostUpdateRenditionsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                renditions_type_0 = PostUpdateRenditionsType0.from_dict(data)

                return renditions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostUpdateRenditionsType0 | Unset, data)

        renditions = _parse_renditions(d.pop("renditions", UNSET))

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_variants(data: object) -> None | PostUpdateVariantsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                variants_type_0 = PostUpdateVariantsType0.from_dict(data)

                return variants_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostUpdateVariantsType0 | Unset, data)

        variants = _parse_variants(d.pop("variants", UNSET))

        post_update = cls(
            channel_ids=channel_ids,
            media=media,
            renditions=renditions,
            text=text,
            url=url,
            variants=variants,
        )

        post_update.additional_properties = d
        return post_update

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
