from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.media_attachment_read import MediaAttachmentRead
    from ..models.product_read_description import ProductReadDescription
    from ..models.product_read_name import ProductReadName
    from ..models.variant_read import VariantRead


T = TypeVar("T", bound="ProductRead")


@_attrs_define
class ProductRead:
    """
    Attributes:
        created_at (datetime.datetime):
        currency (str):
        description (ProductReadDescription):
        id (UUID):
        name (ProductReadName):
        price_amount (int | None):
        producer_id (UUID):
        published_at (datetime.datetime | None):
        slug (str):
        status (str):
        updated_at (datetime.datetime):
        archived_at (datetime.datetime | None | Unset):
        available_from (datetime.datetime | None | Unset):
        available_until (datetime.datetime | None | Unset):
        category_id (None | Unset | UUID):
        display_description (None | str | Unset):
        display_name (None | str | Unset):
        in_season (bool | Unset):  Default: True.
        lang (None | str | Unset):
        media (list[MediaAttachmentRead] | Unset):
        season_months (list[int] | Unset):
        tags (list[str] | Unset):
        variants (list[VariantRead] | Unset):
    """

    created_at: datetime.datetime
    currency: str
    description: ProductReadDescription
    id: UUID
    name: ProductReadName
    price_amount: int | None
    producer_id: UUID
    published_at: datetime.datetime | None
    slug: str
    status: str
    updated_at: datetime.datetime
    archived_at: datetime.datetime | None | Unset = UNSET
    available_from: datetime.datetime | None | Unset = UNSET
    available_until: datetime.datetime | None | Unset = UNSET
    category_id: None | Unset | UUID = UNSET
    display_description: None | str | Unset = UNSET
    display_name: None | str | Unset = UNSET
    in_season: bool | Unset = True
    lang: None | str | Unset = UNSET
    media: list[MediaAttachmentRead] | Unset = UNSET
    season_months: list[int] | Unset = UNSET
    tags: list[str] | Unset = UNSET
    variants: list[VariantRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        currency = self.currency

        description = self.description.to_dict()

        id = str(self.id)

        name = self.name.to_dict()

        price_amount: int | None
        price_amount = self.price_amount

        producer_id = str(self.producer_id)

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        slug = self.slug

        status = self.status

        updated_at = self.updated_at.isoformat()

        archived_at: None | str | Unset
        if isinstance(self.archived_at, Unset):
            archived_at = UNSET
        elif isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        available_from: None | str | Unset
        if isinstance(self.available_from, Unset):
            available_from = UNSET
        elif isinstance(self.available_from, datetime.datetime):
            available_from = self.available_from.isoformat()
        else:
            available_from = self.available_from

        available_until: None | str | Unset
        if isinstance(self.available_until, Unset):
            available_until = UNSET
        elif isinstance(self.available_until, datetime.datetime):
            available_until = self.available_until.isoformat()
        else:
            available_until = self.available_until

        category_id: None | str | Unset
        if isinstance(self.category_id, Unset):
            category_id = UNSET
        elif isinstance(self.category_id, UUID):
            category_id = str(self.category_id)
        else:
            category_id = self.category_id

        display_description: None | str | Unset
        if isinstance(self.display_description, Unset):
            display_description = UNSET
        else:
            display_description = self.display_description

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        in_season = self.in_season

        lang: None | str | Unset
        if isinstance(self.lang, Unset):
            lang = UNSET
        else:
            lang = self.lang

        media: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = []
            for media_item_data in self.media:
                media_item = media_item_data.to_dict()
                media.append(media_item)

        season_months: list[int] | Unset = UNSET
        if not isinstance(self.season_months, Unset):
            season_months = self.season_months

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        variants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.variants, Unset):
            variants = []
            for variants_item_data in self.variants:
                variants_item = variants_item_data.to_dict()
                variants.append(variants_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "currency": currency,
                "description": description,
                "id": id,
                "name": name,
                "price_amount": price_amount,
                "producer_id": producer_id,
                "published_at": published_at,
                "slug": slug,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if archived_at is not UNSET:
            field_dict["archived_at"] = archived_at
        if available_from is not UNSET:
            field_dict["available_from"] = available_from
        if available_until is not UNSET:
            field_dict["available_until"] = available_until
        if category_id is not UNSET:
            field_dict["category_id"] = category_id
        if display_description is not UNSET:
            field_dict["display_description"] = display_description
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if in_season is not UNSET:
            field_dict["in_season"] = in_season
        if lang is not UNSET:
            field_dict["lang"] = lang
        if media is not UNSET:
            field_dict["media"] = media
        if season_months is not UNSET:
            field_dict["season_months"] = season_months
        if tags is not UNSET:
            field_dict["tags"] = tags
        if variants is not UNSET:
            field_dict["variants"] = variants

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.media_attachment_read import MediaAttachmentRead
        from ..models.product_read_description import ProductReadDescription
        from ..models.product_read_name import ProductReadName
        from ..models.variant_read import VariantRead

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        description = ProductReadDescription.from_dict(d.pop("description"))

        id = UUID(d.pop("id"))

        name = ProductReadName.from_dict(d.pop("name"))

        def _parse_price_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        price_amount = _parse_price_amount(d.pop("price_amount"))

        producer_id = UUID(d.pop("producer_id"))

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        slug = d.pop("slug")

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_archived_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)

                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        archived_at = _parse_archived_at(d.pop("archived_at", UNSET))

        def _parse_available_from(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                available_from_type_0 = datetime.datetime.fromisoformat(data)

                return available_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        available_from = _parse_available_from(d.pop("available_from", UNSET))

        def _parse_available_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                available_until_type_0 = datetime.datetime.fromisoformat(data)

                return available_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        available_until = _parse_available_until(d.pop("available_until", UNSET))

        def _parse_category_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_id_type_0 = UUID(data)

                return category_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        category_id = _parse_category_id(d.pop("category_id", UNSET))

        def _parse_display_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_description = _parse_display_description(
            d.pop("display_description", UNSET)
        )

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        in_season = d.pop("in_season", UNSET)

        def _parse_lang(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lang = _parse_lang(d.pop("lang", UNSET))

        _media = d.pop("media", UNSET)
        media: list[MediaAttachmentRead] | Unset = UNSET
        if _media is not UNSET:
            media = []
            for media_item_data in _media:
                media_item = MediaAttachmentRead.from_dict(media_item_data)

                media.append(media_item)

        season_months = cast(list[int], d.pop("season_months", UNSET))

        tags = cast(list[str], d.pop("tags", UNSET))

        _variants = d.pop("variants", UNSET)
        variants: list[VariantRead] | Unset = UNSET
        if _variants is not UNSET:
            variants = []
            for variants_item_data in _variants:
                variants_item = VariantRead.from_dict(variants_item_data)

                variants.append(variants_item)

        product_read = cls(
            created_at=created_at,
            currency=currency,
            description=description,
            id=id,
            name=name,
            price_amount=price_amount,
            producer_id=producer_id,
            published_at=published_at,
            slug=slug,
            status=status,
            updated_at=updated_at,
            archived_at=archived_at,
            available_from=available_from,
            available_until=available_until,
            category_id=category_id,
            display_description=display_description,
            display_name=display_name,
            in_season=in_season,
            lang=lang,
            media=media,
            season_months=season_months,
            tags=tags,
            variants=variants,
        )

        product_read.additional_properties = d
        return product_read

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
