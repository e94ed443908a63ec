from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.media import Media
    from ..models.price import Price
    from ..models.product_published_v1_description import ProductPublishedV1Description
    from ..models.product_published_v1_name import ProductPublishedV1Name
    from ..models.product_published_v1_producer_name import (
        ProductPublishedV1ProducerName,
    )
    from ..models.product_published_v1_producer_story import (
        ProductPublishedV1ProducerStory,
    )
    from ..models.product_published_v1_stock import ProductPublishedV1Stock


T = TypeVar("T", bound="ProductPublishedV1")


@_attrs_define
class ProductPublishedV1:
    """
    Attributes:
        name (ProductPublishedV1Name):
        producer_id (UUID):
        producer_name (ProductPublishedV1ProducerName):
        product_id (UUID):
        slug (str):
        available_from (datetime.datetime | None | Unset):
        available_until (datetime.datetime | None | Unset):
        category (None | str | Unset):
        description (ProductPublishedV1Description | Unset):
        media (list[Media] | Unset):
        media_urls (list[str] | Unset):
        prices (list[Price] | Unset):
        producer_story (ProductPublishedV1ProducerStory | Unset):
        season_months (list[int] | Unset):
        stock (ProductPublishedV1Stock | Unset):
        storefront_urls (list[str] | Unset):
        tags (list[str] | Unset):
    """

    name: ProductPublishedV1Name
    producer_id: UUID
    producer_name: ProductPublishedV1ProducerName
    product_id: UUID
    slug: str
    available_from: datetime.datetime | None | Unset = UNSET
    available_until: datetime.datetime | None | Unset = UNSET
    category: None | str | Unset = UNSET
    description: ProductPublishedV1Description | Unset = UNSET
    media: list[Media] | Unset = UNSET
    media_urls: list[str] | Unset = UNSET
    prices: list[Price] | Unset = UNSET
    producer_story: ProductPublishedV1ProducerStory | Unset = UNSET
    season_months: list[int] | Unset = UNSET
    stock: ProductPublishedV1Stock | Unset = UNSET
    storefront_urls: list[str] | Unset = UNSET
    tags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name.to_dict()

        producer_id = str(self.producer_id)

        producer_name = self.producer_name.to_dict()

        product_id = str(self.product_id)

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

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        description: dict[str, Any] | Unset = UNSET
        if not isinstance(self.description, Unset):
            description = self.description.to_dict()

        media: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = []
            for media_item_data in self.media:
                media_item = media_item_data.to_dict()
                media.append(media_item)

        media_urls: list[str] | Unset = UNSET
        if not isinstance(self.media_urls, Unset):
            media_urls = self.media_urls

        prices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.prices, Unset):
            prices = []
            for prices_item_data in self.prices:
                prices_item = prices_item_data.to_dict()
                prices.append(prices_item)

        producer_story: dict[str, Any] | Unset = UNSET
        if not isinstance(self.producer_story, Unset):
            producer_story = self.producer_story.to_dict()

        season_months: list[int] | Unset = UNSET
        if not isinstance(self.season_months, Unset):
            season_months = self.season_months

        stock: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stock, Unset):
            stock = self.stock.to_dict()

        storefront_urls: list[str] | Unset = UNSET
        if not isinstance(self.storefront_urls, Unset):
            storefront_urls = self.storefront_urls

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "producer_id": producer_id,
                "producer_name": producer_name,
                "product_id": product_id,
                "slug": slug,
            }
        )
        if available_from is not UNSET:
            field_dict["available_from"] = available_from
        if available_until is not UNSET:
            field_dict["available_until"] = available_until
        if category is not UNSET:
            field_dict["category"] = category
        if description is not UNSET:
            field_dict["description"] = description
        if media is not UNSET:
            field_dict["media"] = media
        if media_urls is not UNSET:
            field_dict["media_urls"] = media_urls
        if prices is not UNSET:
            field_dict["prices"] = prices
        if producer_story is not UNSET:
            field_dict["producer_story"] = producer_story
        if season_months is not UNSET:
            field_dict["season_months"] = season_months
        if stock is not UNSET:
            field_dict["stock"] = stock
        if storefront_urls is not UNSET:
            field_dict["storefront_urls"] = storefront_urls
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.media import Media
        from ..models.price import Price
        from ..models.product_published_v1_description import (
            ProductPublishedV1Description,
        )
        from ..models.product_published_v1_name import ProductPublishedV1Name
        from ..models.product_published_v1_producer_name import (
            ProductPublishedV1ProducerName,
        )
        from ..models.product_published_v1_producer_story import (
            ProductPublishedV1ProducerStory,
        )
        from ..models.product_published_v1_stock import ProductPublishedV1Stock

        d = dict(src_dict)
        name = ProductPublishedV1Name.from_dict(d.pop("name"))

        producer_id = UUID(d.pop("producer_id"))

        producer_name = ProductPublishedV1ProducerName.from_dict(d.pop("producer_name"))

        product_id = UUID(d.pop("product_id"))

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

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        _description = d.pop("description", UNSET)
        description: ProductPublishedV1Description | Unset
        if isinstance(_description, Unset):
            description = UNSET
        else:
            description = ProductPublishedV1Description.from_dict(_description)

        _media = d.pop("media", UNSET)
        media: list[Media] | Unset = UNSET
        if _media is not UNSET:
            media = []
            for media_item_data in _media:
                media_item = Media.from_dict(media_item_data)

                media.append(media_item)

        media_urls = cast(list[str], d.pop("media_urls", UNSET))

        _prices = d.pop("prices", UNSET)
        prices: list[Price] | Unset = UNSET
        if _prices is not UNSET:
            prices = []
            for prices_item_data in _prices:
                prices_item = Price.from_dict(prices_item_data)

                prices.append(prices_item)

        _producer_story = d.pop("producer_story", UNSET)
        producer_story: ProductPublishedV1ProducerStory | Unset
        if isinstance(_producer_story, Unset):
            producer_story = UNSET
        else:
            producer_story = ProductPublishedV1ProducerStory.from_dict(_producer_story)

        season_months = cast(list[int], d.pop("season_months", UNSET))

        _stock = d.pop("stock", UNSET)
        stock: ProductPublishedV1Stock | Unset
        if isinstance(_stock, Unset):
            stock = UNSET
        else:
            stock = ProductPublishedV1Stock.from_dict(_stock)

        storefront_urls = cast(list[str], d.pop("storefront_urls", UNSET))

        tags = cast(list[str], d.pop("tags", UNSET))

        product_published_v1 = cls(
            name=name,
            producer_id=producer_id,
            producer_name=producer_name,
            product_id=product_id,
            slug=slug,
            available_from=available_from,
            available_until=available_until,
            category=category,
            description=description,
            media=media,
            media_urls=media_urls,
            prices=prices,
            producer_story=producer_story,
            season_months=season_months,
            stock=stock,
            storefront_urls=storefront_urls,
            tags=tags,
        )

        product_published_v1.additional_properties = d
        return product_published_v1

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
