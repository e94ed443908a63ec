from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.media_place_use import MediaPlaceUse
    from ..models.media_product_use import MediaProductUse


T = TypeVar("T", bound="MediaUsage")


@_attrs_define
class MediaUsage:
    """Where the photo is used: the products and places it is attached to (those the caller
    may see). Posts keep their own copy of the URL and are not listed.

        Attributes:
            places (list[MediaPlaceUse] | Unset):
            products (list[MediaProductUse] | Unset):
    """

    places: list[MediaPlaceUse] | Unset = UNSET
    products: list[MediaProductUse] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        places: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.places, Unset):
            places = []
            for places_item_data in self.places:
                places_item = places_item_data.to_dict()
                places.append(places_item)

        products: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.products, Unset):
            products = []
            for products_item_data in self.products:
                products_item = products_item_data.to_dict()
                products.append(products_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if places is not UNSET:
            field_dict["places"] = places
        if products is not UNSET:
            field_dict["products"] = products

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.media_place_use import MediaPlaceUse
        from ..models.media_product_use import MediaProductUse

        d = dict(src_dict)
        _places = d.pop("places", UNSET)
        places: list[MediaPlaceUse] | Unset = UNSET
        if _places is not UNSET:
            places = []
            for places_item_data in _places:
                places_item = MediaPlaceUse.from_dict(places_item_data)

                places.append(places_item)

        _products = d.pop("products", UNSET)
        products: list[MediaProductUse] | Unset = UNSET
        if _products is not UNSET:
            products = []
            for products_item_data in _products:
                products_item = MediaProductUse.from_dict(products_item_data)

                products.append(products_item)

        media_usage = cls(
            places=places,
            products=products,
        )

        media_usage.additional_properties = d
        return media_usage

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
