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
    from ..models.product_update_description_type_0 import ProductUpdateDescriptionType0
    from ..models.product_update_name_type_0 import ProductUpdateNameType0


T = TypeVar("T", bound="ProductUpdate")


@_attrs_define
class ProductUpdate:
    """
    Attributes:
        available_from (datetime.datetime | None | Unset):
        available_until (datetime.datetime | None | Unset):
        category_id (None | Unset | UUID):
        currency (None | str | Unset):
        description (None | ProductUpdateDescriptionType0 | Unset):
        media (list[MediaAttachment] | None | Unset):
        name (None | ProductUpdateNameType0 | Unset):
        price_amount (int | None | Unset):
        season_months (list[int] | None | Unset):
        tags (list[str] | None | Unset):
    """

    available_from: datetime.datetime | None | Unset = UNSET
    available_until: datetime.datetime | None | Unset = UNSET
    category_id: None | Unset | UUID = UNSET
    currency: None | str | Unset = UNSET
    description: None | ProductUpdateDescriptionType0 | Unset = UNSET
    media: list[MediaAttachment] | None | Unset = UNSET
    name: None | ProductUpdateNameType0 | Unset = UNSET
    price_amount: int | None | Unset = UNSET
    season_months: list[int] | None | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.product_update_description_type_0 import (
            ProductUpdateDescriptionType0,
        )
        from ..models.product_update_name_type_0 import ProductUpdateNameType0

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

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, ProductUpdateDescriptionType0):
            description = self.description.to_dict()
        else:
            description = self.description

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

        name: dict[str, Any] | None | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        elif isinstance(self.name, ProductUpdateNameType0):
            name = self.name.to_dict()
        else:
            name = self.name

        price_amount: int | None | Unset
        if isinstance(self.price_amount, Unset):
            price_amount = UNSET
        else:
            price_amount = self.price_amount

        season_months: list[int] | None | Unset
        if isinstance(self.season_months, Unset):
            season_months = UNSET
        elif isinstance(self.season_months, list):
            season_months = self.season_months

        else:
            season_months = self.season_months

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
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
        if name is not UNSET:
            field_dict["name"] = name
        if price_amount is not UNSET:
            field_dict["price_amount"] = price_amount
        if season_months is not UNSET:
            field_dict["season_months"] = season_months
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.media_attachment import MediaAttachment
        from ..models.product_update_description_type_0 import (
            ProductUpdateDescriptionType0,
        )
        from ..models.product_update_name_type_0 import ProductUpdateNameType0

        d = dict(src_dict)

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

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_description(
            data: object,
        ) -> None | ProductUpdateDescriptionType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_0 = ProductUpdateDescriptionType0.from_dict(data)

                return description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProductUpdateDescriptionType0 | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_media(data: object) -> list[MediaAttachment] | None | Unset:
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
                    media_type_0_item = MediaAttachment.from_dict(
                        media_type_0_item_data
                    )

                    media_type_0.append(media_type_0_item)

                return media_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MediaAttachment] | None | Unset, data)

        media = _parse_media(d.pop("media", UNSET))

        def _parse_name(data: object) -> None | ProductUpdateNameType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_0 = ProductUpdateNameType0.from_dict(data)

                return name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProductUpdateNameType0 | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_price_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        price_amount = _parse_price_amount(d.pop("price_amount", UNSET))

        def _parse_season_months(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                season_months_type_0 = cast(list[int], data)

                return season_months_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        season_months = _parse_season_months(d.pop("season_months", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        product_update = cls(
            available_from=available_from,
            available_until=available_until,
            category_id=category_id,
            currency=currency,
            description=description,
            media=media,
            name=name,
            price_amount=price_amount,
            season_months=season_months,
            tags=tags,
        )

        product_update.additional_properties = d
        return product_update

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
