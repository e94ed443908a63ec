from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PublicListing")


@_attrs_define
class PublicListing:
    """
    Attributes:
        currency (None | str):
        id (UUID):
        price_amount (int | None):
        stock (int | None):
        storefront_id (UUID):
        url (None | str):
        variant_id (UUID):
    """

    currency: None | str
    id: UUID
    price_amount: int | None
    stock: int | None
    storefront_id: UUID
    url: None | str
    variant_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency: None | str
        currency = self.currency

        id = str(self.id)

        price_amount: int | None
        price_amount = self.price_amount

        stock: int | None
        stock = self.stock

        storefront_id = str(self.storefront_id)

        url: None | str
        url = self.url

        variant_id = str(self.variant_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "id": id,
                "price_amount": price_amount,
                "stock": stock,
                "storefront_id": storefront_id,
                "url": url,
                "variant_id": variant_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))

        id = UUID(d.pop("id"))

        def _parse_price_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        price_amount = _parse_price_amount(d.pop("price_amount"))

        def _parse_stock(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        stock = _parse_stock(d.pop("stock"))

        storefront_id = UUID(d.pop("storefront_id"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        variant_id = UUID(d.pop("variant_id"))

        public_listing = cls(
            currency=currency,
            id=id,
            price_amount=price_amount,
            stock=stock,
            storefront_id=storefront_id,
            url=url,
            variant_id=variant_id,
        )

        public_listing.additional_properties = d
        return public_listing

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
