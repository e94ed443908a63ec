from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.available_product_description_type_1 import (
        AvailableProductDescriptionType1,
    )
    from ..models.available_product_name_type_1 import AvailableProductNameType1
    from ..models.public_listing import PublicListing
    from ..models.public_media import PublicMedia
    from ..models.public_producer import PublicProducer
    from ..models.public_variant import PublicVariant


T = TypeVar("T", bound="AvailableProduct")


@_attrs_define
class AvailableProduct:
    """
    Attributes:
        available (bool):
        buy_url (None | str): The tracked `/r/{code}` path to the store, if any.
        currency (str):
        description (AvailableProductDescriptionType1 | str): The text in the visitor's language; `{}` when there is
            none.
        id (UUID):
        listings (list[PublicListing]): Where each variant is sold.
        name (AvailableProductNameType1 | str): The text in the visitor's language; `{}` when there is none.
        price_amount (int | None):
        slug (str):
        media (list[PublicMedia] | Unset):
        producer (None | PublicProducer | Unset): Who makes it, with their story (public producers only).
        variants (list[PublicVariant] | Unset):
    """

    available: bool
    buy_url: None | str
    currency: str
    description: AvailableProductDescriptionType1 | str
    id: UUID
    listings: list[PublicListing]
    name: AvailableProductNameType1 | str
    price_amount: int | None
    slug: str
    media: list[PublicMedia] | Unset = UNSET
    producer: None | PublicProducer | Unset = UNSET
    variants: list[PublicVariant] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.available_product_description_type_1 import (
            AvailableProductDescriptionType1,
        )
        from ..models.available_product_name_type_1 import AvailableProductNameType1
        from ..models.public_producer import PublicProducer

        available = self.available

        buy_url: None | str
        buy_url = self.buy_url

        currency = self.currency

        description: dict[str, Any] | str
        if isinstance(self.description, AvailableProductDescriptionType1):
            description = self.description.to_dict()
        else:
            description = self.description

        id = str(self.id)

        listings = []
        for listings_item_data in self.listings:
            listings_item = listings_item_data.to_dict()
            listings.append(listings_item)

        name: dict[str, Any] | str
        if isinstance(self.name, AvailableProductNameType1):
            name = self.name.to_dict()
        else:
            name = self.name

        price_amount: int | None
        price_amount = self.price_amount

        slug = self.slug

        media: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = []
            for media_item_data in self.media:
                media_item = media_item_data.to_dict()
                media.append(media_item)

        producer: dict[str, Any] | None | Unset
        if isinstance(self.producer, Unset):
            producer = UNSET
        elif isinstance(self.producer, PublicProducer):
            producer = self.producer.to_dict()
        else:
            producer = self.producer

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
                "available": available,
                "buy_url": buy_url,
                "currency": currency,
                "description": description,
                "id": id,
                "listings": listings,
                "name": name,
                "price_amount": price_amount,
                "slug": slug,
            }
        )
        if media is not UNSET:
            field_dict["media"] = media
        if producer is not UNSET:
            field_dict["producer"] = producer
        if variants is not UNSET:
            field_dict["variants"] = variants

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.available_product_description_type_1 import (
            AvailableProductDescriptionType1,
        )
        from ..models.available_product_name_type_1 import AvailableProductNameType1
        from ..models.public_listing import PublicListing
        from ..models.public_media import PublicMedia
        from ..models.public_producer import PublicProducer
        from ..models.public_variant import PublicVariant

        d = dict(src_dict)
        available = d.pop("available")

        def _parse_buy_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        buy_url = _parse_buy_url(d.pop("buy_url"))

        currency = d.pop("currency")

        def _parse_description(data: object) -> AvailableProductDescriptionType1 | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_1 = AvailableProductDescriptionType1.from_dict(data)

                return description_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AvailableProductDescriptionType1 | str, data)

        description = _parse_description(d.pop("description"))

        id = UUID(d.pop("id"))

        listings = []
        _listings = d.pop("listings")
        for listings_item_data in _listings:
            listings_item = PublicListing.from_dict(listings_item_data)

            listings.append(listings_item)

        def _parse_name(data: object) -> AvailableProductNameType1 | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_1 = AvailableProductNameType1.from_dict(data)

                return name_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AvailableProductNameType1 | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_price_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        price_amount = _parse_price_amount(d.pop("price_amount"))

        slug = d.pop("slug")

        _media = d.pop("media", UNSET)
        media: list[PublicMedia] | Unset = UNSET
        if _media is not UNSET:
            media = []
            for media_item_data in _media:
                media_item = PublicMedia.from_dict(media_item_data)

                media.append(media_item)

        def _parse_producer(data: object) -> None | PublicProducer | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                producer_type_0 = PublicProducer.from_dict(data)

                return producer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PublicProducer | Unset, data)

        producer = _parse_producer(d.pop("producer", UNSET))

        _variants = d.pop("variants", UNSET)
        variants: list[PublicVariant] | Unset = UNSET
        if _variants is not UNSET:
            variants = []
            for variants_item_data in _variants:
                variants_item = PublicVariant.from_dict(variants_item_data)

                variants.append(variants_item)

        available_product = cls(
            available=available,
            buy_url=buy_url,
            currency=currency,
            description=description,
            id=id,
            listings=listings,
            name=name,
            price_amount=price_amount,
            slug=slug,
            media=media,
            producer=producer,
            variants=variants,
        )

        available_product.additional_properties = d
        return available_product

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
