from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ListingCreate")


@_attrs_define
class ListingCreate:
    """
    Attributes:
        external_id (str): The store's item id
        storefront_id (UUID):
        variant_id (UUID):
        price_amount (int | None | Unset):
        stock (int | None | Unset):
        url (None | str | Unset):
    """

    external_id: str
    storefront_id: UUID
    variant_id: UUID
    price_amount: int | None | Unset = UNSET
    stock: int | None | Unset = UNSET
    url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        storefront_id = str(self.storefront_id)

        variant_id = str(self.variant_id)

        price_amount: int | None | Unset
        if isinstance(self.price_amount, Unset):
            price_amount = UNSET
        else:
            price_amount = self.price_amount

        stock: int | None | Unset
        if isinstance(self.stock, Unset):
            stock = UNSET
        else:
            stock = self.stock

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "external_id": external_id,
                "storefront_id": storefront_id,
                "variant_id": variant_id,
            }
        )
        if price_amount is not UNSET:
            field_dict["price_amount"] = price_amount
        if stock is not UNSET:
            field_dict["stock"] = stock
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        external_id = d.pop("external_id")

        storefront_id = UUID(d.pop("storefront_id"))

        variant_id = UUID(d.pop("variant_id"))

        def _parse_price_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        price_amount = _parse_price_amount(d.pop("price_amount", UNSET))

        def _parse_stock(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        stock = _parse_stock(d.pop("stock", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        listing_create = cls(
            external_id=external_id,
            storefront_id=storefront_id,
            variant_id=variant_id,
            price_amount=price_amount,
            stock=stock,
            url=url,
        )

        listing_create.additional_properties = d
        return listing_create

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
