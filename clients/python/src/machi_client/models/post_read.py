from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.post_media import PostMedia
    from ..models.post_read_estimates import PostReadEstimates
    from ..models.post_read_renditions import PostReadRenditions
    from ..models.post_read_variants import PostReadVariants
    from ..models.preview_read import PreviewRead


T = TypeVar("T", bound="PostRead")


@_attrs_define
class PostRead:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        product_id (None | UUID):
        status (str):
        text (str):
        updated_at (datetime.datetime):
        campaign_id (None | Unset | UUID):
        channel_ids (list[UUID] | Unset):
        created_by (None | str | Unset):
        estimates (PostReadEstimates | Unset): LINE broadcasts: channel id -> the messages it will use.
        media (list[PostMedia] | Unset):
        permalinks (list[str] | Unset):
        place_id (None | Unset | UUID):
        planned_at (datetime.datetime | None | Unset):
        renditions (PostReadRenditions | Unset): The catalog rendition of the post's photos per platform (`instagram`:
            `landscape`), replacing the platform's own choice (Instagram the 4:5 portrait crop, Facebook, X and Mastodon the
            original, Threads and LINE the web size). Each platform takes only those its rules allow (Instagram: portrait or
            landscape, within its 4:5 to 1.91:1); the preview names the rest.
        review_comment (None | str | Unset):
        url (None | str | Unset):
        validation (None | PreviewRead | Unset): On create and edit answers: each channel's text checked by its
            platform's rules, as `POST /v1/posts/preview` shows it (submitting refuses a post that is not valid)
        variants (PostReadVariants | Unset):
    """

    created_at: datetime.datetime
    id: UUID
    product_id: None | UUID
    status: str
    text: str
    updated_at: datetime.datetime
    campaign_id: None | Unset | UUID = UNSET
    channel_ids: list[UUID] | Unset = UNSET
    created_by: None | str | Unset = UNSET
    estimates: PostReadEstimates | Unset = UNSET
    media: list[PostMedia] | Unset = UNSET
    permalinks: list[str] | Unset = UNSET
    place_id: None | Unset | UUID = UNSET
    planned_at: datetime.datetime | None | Unset = UNSET
    renditions: PostReadRenditions | Unset = UNSET
    review_comment: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    validation: None | PreviewRead | Unset = UNSET
    variants: PostReadVariants | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.preview_read import PreviewRead

        created_at = self.created_at.isoformat()

        id = str(self.id)

        product_id: None | str
        if isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        status = self.status

        text = self.text

        updated_at = self.updated_at.isoformat()

        campaign_id: None | str | Unset
        if isinstance(self.campaign_id, Unset):
            campaign_id = UNSET
        elif isinstance(self.campaign_id, UUID):
            campaign_id = str(self.campaign_id)
        else:
            campaign_id = self.campaign_id

        channel_ids: list[str] | Unset = UNSET
        if not isinstance(self.channel_ids, Unset):
            channel_ids = []
            for channel_ids_item_data in self.channel_ids:
                channel_ids_item = str(channel_ids_item_data)
                channel_ids.append(channel_ids_item)

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        estimates: dict[str, Any] | Unset = UNSET
        if not isinstance(self.estimates, Unset):
            estimates = self.estimates.to_dict()

        media: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = []
            for media_item_data in self.media:
                media_item = media_item_data.to_dict()
                media.append(media_item)

        permalinks: list[str] | Unset = UNSET
        if not isinstance(self.permalinks, Unset):
            permalinks = self.permalinks

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

        renditions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.renditions, Unset):
            renditions = self.renditions.to_dict()

        review_comment: None | str | Unset
        if isinstance(self.review_comment, Unset):
            review_comment = UNSET
        else:
            review_comment = self.review_comment

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        validation: dict[str, Any] | None | Unset
        if isinstance(self.validation, Unset):
            validation = UNSET
        elif isinstance(self.validation, PreviewRead):
            validation = self.validation.to_dict()
        else:
            validation = self.validation

        variants: dict[str, Any] | Unset = UNSET
        if not isinstance(self.variants, Unset):
            variants = self.variants.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "product_id": product_id,
                "status": status,
                "text": text,
                "updated_at": updated_at,
            }
        )
        if campaign_id is not UNSET:
            field_dict["campaign_id"] = campaign_id
        if channel_ids is not UNSET:
            field_dict["channel_ids"] = channel_ids
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if estimates is not UNSET:
            field_dict["estimates"] = estimates
        if media is not UNSET:
            field_dict["media"] = media
        if permalinks is not UNSET:
            field_dict["permalinks"] = permalinks
        if place_id is not UNSET:
            field_dict["place_id"] = place_id
        if planned_at is not UNSET:
            field_dict["planned_at"] = planned_at
        if renditions is not UNSET:
            field_dict["renditions"] = renditions
        if review_comment is not UNSET:
            field_dict["review_comment"] = review_comment
        if url is not UNSET:
            field_dict["url"] = url
        if validation is not UNSET:
            field_dict["validation"] = validation
        if variants is not UNSET:
            field_dict["variants"] = variants

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.post_media import PostMedia
        from ..models.post_read_estimates import PostReadEstimates
        from ..models.post_read_renditions import PostReadRenditions
        from ..models.post_read_variants import PostReadVariants
        from ..models.preview_read import PreviewRead

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        def _parse_product_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_id_type_0 = UUID(data)

                return product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        product_id = _parse_product_id(d.pop("product_id"))

        status = d.pop("status")

        text = d.pop("text")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_campaign_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                campaign_id_type_0 = UUID(data)

                return campaign_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        campaign_id = _parse_campaign_id(d.pop("campaign_id", UNSET))

        _channel_ids = d.pop("channel_ids", UNSET)
        channel_ids: list[UUID] | Unset = UNSET
        if _channel_ids is not UNSET:
            channel_ids = []
            for channel_ids_item_data in _channel_ids:
                channel_ids_item = UUID(channel_ids_item_data)

                channel_ids.append(channel_ids_item)

        def _parse_created_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

        _estimates = d.pop("estimates", UNSET)
        estimates: PostReadEstimates | Unset
        if isinstance(_estimates, Unset):
            estimates = UNSET
        else:
            estimates = PostReadEstimates.from_dict(_estimates)

        _media = d.pop("media", UNSET)
        media: list[PostMedia] | Unset = UNSET
        if _media is not UNSET:
            media = []
            for media_item_data in _media:
                media_item = PostMedia.from_dict(media_item_data)

                media.append(media_item)

        permalinks = cast(list[str], d.pop("permalinks", UNSET))

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

        _renditions = d.pop("renditions", UNSET)
        renditions: PostReadRenditions | Unset
        if isinstance(_renditions, Unset):
            renditions = UNSET
        else:
            renditions = PostReadRenditions.from_dict(_renditions)

        def _parse_review_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        review_comment = _parse_review_comment(d.pop("review_comment", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_validation(data: object) -> None | PreviewRead | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                validation_type_0 = PreviewRead.from_dict(data)

                return validation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PreviewRead | Unset, data)

        validation = _parse_validation(d.pop("validation", UNSET))

        _variants = d.pop("variants", UNSET)
        variants: PostReadVariants | Unset
        if isinstance(_variants, Unset):
            variants = UNSET
        else:
            variants = PostReadVariants.from_dict(_variants)

        post_read = cls(
            created_at=created_at,
            id=id,
            product_id=product_id,
            status=status,
            text=text,
            updated_at=updated_at,
            campaign_id=campaign_id,
            channel_ids=channel_ids,
            created_by=created_by,
            estimates=estimates,
            media=media,
            permalinks=permalinks,
            place_id=place_id,
            planned_at=planned_at,
            renditions=renditions,
            review_comment=review_comment,
            url=url,
            validation=validation,
            variants=variants,
        )

        post_read.additional_properties = d
        return post_read

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
