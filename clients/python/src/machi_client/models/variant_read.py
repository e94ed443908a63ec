from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.variant_listing_read import VariantListingRead
    from ..models.variant_read_name import VariantReadName


T = TypeVar("T", bound="VariantRead")


@_attrs_define
class VariantRead:
    """
    Attributes:
        created_at (datetime.datetime):
        currency (str):
        id (UUID):
        made_to_order (bool):
        name (VariantReadName):
        price_amount (int):
        quantity (int):
        sku (str):
        stock (int | None):
        unit (str):
        updated_at (datetime.datetime):
        weight_grams (int | None):
        display_name (None | str | Unset):
        listings (list[VariantListingRead] | Unset): Where it is sold, with each store item's URL (signed-in callers)
    """

    created_at: datetime.datetime
    currency: str
    id: UUID
    made_to_order: bool
    name: VariantReadName
    price_amount: int
    quantity: int
    sku: str
    stock: int | None
    unit: str
    updated_at: datetime.datetime
    weight_grams: int | None
    display_name: None | str | Unset = UNSET
    listings: list[VariantListingRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        made_to_order = self.made_to_order

        name = self.name.to_dict()

        price_amount = self.price_amount

        quantity = self.quantity

        sku = self.sku

        stock: int | None
        stock = self.stock

        unit = self.unit

        updated_at = self.updated_at.isoformat()

        weight_grams: int | None
        weight_grams = self.weight_grams

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        listings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.listings, Unset):
            listings = []
            for listings_item_data in self.listings:
                listings_item = listings_item_data.to_dict()
                listings.append(listings_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "made_to_order": made_to_order,
                "name": name,
                "price_amount": price_amount,
                "quantity": quantity,
                "sku": sku,
                "stock": stock,
                "unit": unit,
                "updated_at": updated_at,
                "weight_grams": weight_grams,
            }
        )
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if listings is not UNSET:
            field_dict["listings"] = listings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.variant_listing_read import VariantListingRead
        from ..models.variant_read_name import VariantReadName

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        made_to_order = d.pop("made_to_order")

        name = VariantReadName.from_dict(d.pop("name"))

        price_amount = d.pop("price_amount")

        quantity = d.pop("quantity")

        sku = d.pop("sku")

        def _parse_stock(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        stock = _parse_stock(d.pop("stock"))

        unit = d.pop("unit")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_weight_grams(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        weight_grams = _parse_weight_grams(d.pop("weight_grams"))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        _listings = d.pop("listings", UNSET)
        listings: list[VariantListingRead] | Unset = UNSET
        if _listings is not UNSET:
            listings = []
            for listings_item_data in _listings:
                listings_item = VariantListingRead.from_dict(listings_item_data)

                listings.append(listings_item)

        variant_read = cls(
            created_at=created_at,
            currency=currency,
            id=id,
            made_to_order=made_to_order,
            name=name,
            price_amount=price_amount,
            quantity=quantity,
            sku=sku,
            stock=stock,
            unit=unit,
            updated_at=updated_at,
            weight_grams=weight_grams,
            display_name=display_name,
            listings=listings,
        )

        variant_read.additional_properties = d
        return variant_read

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
