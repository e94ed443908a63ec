from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.media_attachment import MediaAttachment
    from ..models.product_create_description import ProductCreateDescription
    from ..models.product_create_name import ProductCreateName
    from ..models.variant_create import VariantCreate


T = TypeVar("T", bound="ProductCreate")


@_attrs_define
class ProductCreate:
    """
    Attributes:
        name (ProductCreateName):
        producer_id (UUID):
        slug (str):
        available_from (datetime.datetime | None | Unset):
        available_until (datetime.datetime | None | Unset):
        category_id (None | Unset | UUID):
        currency (str | Unset):  Default: 'JPY'.
        description (ProductCreateDescription | Unset):
        media (list[MediaAttachment] | Unset):
        price_amount (int | None | Unset): Minor units (¥1,980 = 1980)
        season_months (list[int] | Unset): 1-12; empty: all year
        tags (list[str] | Unset):
        variants (list[VariantCreate] | Unset):
    """

    name: ProductCreateName
    producer_id: UUID
    slug: str
    available_from: datetime.datetime | None | Unset = UNSET
    available_until: datetime.datetime | None | Unset = UNSET
    category_id: None | Unset | UUID = UNSET
    currency: str | Unset = "JPY"
    description: ProductCreateDescription | Unset = UNSET
    media: list[MediaAttachment] | Unset = UNSET
    price_amount: int | None | Unset = UNSET
    season_months: list[int] | Unset = UNSET
    tags: list[str] | Unset = UNSET
    variants: list[VariantCreate] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name.to_dict()

        producer_id = str(self.producer_id)

        slug = self.slug

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

        currency = self.currency

        description: dict[str, Any] | Unset = UNSET
        if not isinstance(self.description, Unset):
            description = self.description.to_dict()

        media: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = []
            for media_item_data in self.media:
                media_item = media_item_data.to_dict()
                media.append(media_item)

        price_amount: int | None | Unset
        if isinstance(self.price_amount, Unset):
            price_amount = UNSET
        else:
            price_amount = self.price_amount

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
                "name": name,
                "producer_id": producer_id,
                "slug": slug,
            }
        )
        if available_from is not UNSET:
            field_dict["available_from"] = available_from
        if available_until is not UNSET:
            field_dict["available_until"] = available_until
        if category_id is not UNSET:
            field_dict["category_id"] = category_id
        if currency is not UNSET:
            field_dict["currency"] = currency
        if description is not UNSET:
            field_dict["description"] = description
        if media is not UNSET:
            field_dict["media"] = media
        if price_amount is not UNSET:
            field_dict["price_amount"] = price_amount
        if season_months is not UNSET:
            field_dict["season_months"] = season_months
        if tags is not UNSET:
            field_dict["tags"] = tags
        if variants is not UNSET:
            field_dict["variants"] = variants

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.media_attachment import MediaAttachment
        from ..models.product_create_description import ProductCreateDescription
        from ..models.product_create_name import ProductCreateName
        from ..models.variant_create import VariantCreate

        d = dict(src_dict)
        name = ProductCreateName.from_dict(d.pop("name"))

        producer_id = UUID(d.pop("producer_id"))

        slug = d.pop("slug")

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

        currency = d.pop("currency", UNSET)

        _description = d.pop("description", UNSET)
        description: ProductCreateDescription | Unset
        if isinstance(_description, Unset):
            description = UNSET
        else:
            description = ProductCreateDescription.from_dict(_description)

        _media = d.pop("media", UNSET)
        media: list[MediaAttachment] | Unset = UNSET
        if _media is not UNSET:
            media = []
            for media_item_data in _media:
                media_item = MediaAttachment.from_dict(media_item_data)

                media.append(media_item)

        def _parse_price_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        price_amount = _parse_price_amount(d.pop("price_amount", UNSET))

        season_months = cast(list[int], d.pop("season_months", UNSET))

        tags = cast(list[str], d.pop("tags", UNSET))

        _variants = d.pop("variants", UNSET)
        variants: list[VariantCreate] | Unset = UNSET
        if _variants is not UNSET:
            variants = []
            for variants_item_data in _variants:
                variants_item = VariantCreate.from_dict(variants_item_data)

                variants.append(variants_item)

        product_create = cls(
            name=name,
            producer_id=producer_id,
            slug=slug,
            available_from=available_from,
            available_until=available_until,
            category_id=category_id,
            currency=currency,
            description=description,
            media=media,
            price_amount=price_amount,
            season_months=season_months,
            tags=tags,
            variants=variants,
        )

        product_create.additional_properties = d
        return product_create

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
