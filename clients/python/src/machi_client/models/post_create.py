from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.post_create_renditions import PostCreateRenditions
    from ..models.post_create_variants import PostCreateVariants
    from ..models.post_media import PostMedia


T = TypeVar("T", bound="PostCreate")


@_attrs_define
class PostCreate:
    """
    Attributes:
        text (str):
        channel_ids (list[UUID] | Unset):
        media (list[PostMedia] | Unset):
        place_id (None | Unset | UUID):
        planned_at (datetime.datetime | None | Unset): When it goes out: approval schedules it then (at once if that
            time has passed). Unset: an approved post waits for `schedule`.
        product_id (None | Unset | UUID):
        renditions (PostCreateRenditions | Unset): The catalog rendition of the post's photos per platform (`instagram`:
            `landscape`), replacing the platform's own choice (Instagram the 4:5 portrait crop, Facebook, X and Mastodon the
            original, Threads and LINE the web size). Each platform takes only those its rules allow (Instagram: portrait or
            landscape, within its 4:5 to 1.91:1); the preview names the rest.
        url (None | str | Unset):
        variants (PostCreateVariants | Unset): Per-channel text replacing `text` on that channel.
    """

    text: str
    channel_ids: list[UUID] | Unset = UNSET
    media: list[PostMedia] | Unset = UNSET
    place_id: None | Unset | UUID = UNSET
    planned_at: datetime.datetime | None | Unset = UNSET
    product_id: None | Unset | UUID = UNSET
    renditions: PostCreateRenditions | Unset = UNSET
    url: None | str | Unset = UNSET
    variants: PostCreateVariants | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        channel_ids: list[str] | Unset = UNSET
        if not isinstance(self.channel_ids, Unset):
            channel_ids = []
            for channel_ids_item_data in self.channel_ids:
                channel_ids_item = str(channel_ids_item_data)
                channel_ids.append(channel_ids_item)

        media: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = []
            for media_item_data in self.media:
                media_item = media_item_data.to_dict()
                media.append(media_item)

        place_id: None | str | Unset
        if isinstance(self.place_id, Unset):
            place_id = UNSET
        elif isinstance(self.place_id, UUID):
            place_id = str(self.place_id)
        else:
            place_id = self.place_id

        planned_at: None | str | Unset
        if isinstance(self.planned_at, Unset):
            planned_at = UNSET
        elif isinstance(self.planned_at, datetime.datetime):
            planned_at = self.planned_at.isoformat()
        else:
            planned_at = self.planned_at

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        elif isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        renditions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.renditions, Unset):
            renditions = self.renditions.to_dict()

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        variants: dict[str, Any] | Unset = UNSET
        if not isinstance(self.variants, Unset):
            variants = self.variants.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
            }
        )
        if channel_ids is not UNSET:
            field_dict["channel_ids"] = channel_ids
        if media is not UNSET:
            field_dict["media"] = media
        if place_id is not UNSET:
            field_dict["place_id"] = place_id
        if planned_at is not UNSET:
            field_dict["planned_at"] = planned_at
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if renditions is not UNSET:
            field_dict["renditions"] = renditions
        if url is not UNSET:
            field_dict["url"] = url
        if variants is not UNSET:
            field_dict["variants"] = variants

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.post_create_renditions import PostCreateRenditions
        from ..models.post_create_variants import PostCreateVariants
        from ..models.post_media import PostMedia

        d = dict(src_dict)
        text = d.pop("text")

        _channel_ids = d.pop("channel_ids", UNSET)
        channel_ids: list[UUID] | Unset = UNSET
        if _channel_ids is not UNSET:
            channel_ids = []
            for channel_ids_item_data in _channel_ids:
                channel_ids_item = UUID(channel_ids_item_data)

                channel_ids.append(channel_ids_item)

        _media = d.pop("media", UNSET)
        media: list[PostMedia] | Unset = UNSET
        if _media is not UNSET:
            media = []
            for media_item_data in _media:
                media_item = PostMedia.from_dict(media_item_data)

                media.append(media_item)

        def _parse_place_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                place_id_type_0 = UUID(data)

                return place_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        place_id = _parse_place_id(d.pop("place_id", UNSET))

        def _parse_planned_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_at_type_0 = datetime.datetime.fromisoformat(data)

                return planned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        planned_at = _parse_planned_at(d.pop("planned_at", UNSET))

        def _parse_product_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_id_type_0 = UUID(data)

                return product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        product_id = _parse_product_id(d.pop("product_id", UNSET))

        _renditions = d.pop("renditions", UNSET)
        renditions: PostCreateRenditions | Unset
        if isinstance(_renditions, Unset):
            renditions = UNSET
        else:
            renditions = PostCreateRenditions.from_dict(_renditions)

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        _variants = d.pop("variants", UNSET)
        variants: PostCreateVariants | Unset
        if isinstance(_variants, Unset):
            variants = UNSET
        else:
            variants = PostCreateVariants.from_dict(_variants)

        post_create = cls(
            text=text,
            channel_ids=channel_ids,
            media=media,
            place_id=place_id,
            planned_at=planned_at,
            product_id=product_id,
            renditions=renditions,
            url=url,
            variants=variants,
        )

        post_create.additional_properties = d
        return post_create

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
