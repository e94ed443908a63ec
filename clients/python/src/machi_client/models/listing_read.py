from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ListingRead")


@_attrs_define
class ListingRead:
    """
    Attributes:
        created_at (datetime.datetime):
        currency (None | str):
        external_id (str):
        id (UUID):
        price_amount (int | None):
        stock (int | None):
        storefront_id (UUID):
        synced_at (datetime.datetime | None):
        updated_at (datetime.datetime):
        url (None | str):
        variant_id (UUID):
    """

    created_at: datetime.datetime
    currency: None | str
    external_id: str
    id: UUID
    price_amount: int | None
    stock: int | None
    storefront_id: UUID
    synced_at: datetime.datetime | None
    updated_at: datetime.datetime
    url: None | str
    variant_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        currency: None | str
        currency = self.currency

        external_id = self.external_id

        id = str(self.id)

        price_amount: int | None
        price_amount = self.price_amount

        stock: int | None
        stock = self.stock

        storefront_id = str(self.storefront_id)

        synced_at: None | str
        if isinstance(self.synced_at, datetime.datetime):
            synced_at = self.synced_at.isoformat()
        else:
            synced_at = self.synced_at

        updated_at = self.updated_at.isoformat()

        url: None | str
        url = self.url

        variant_id = str(self.variant_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "currency": currency,
                "external_id": external_id,
                "id": id,
                "price_amount": price_amount,
                "stock": stock,
                "storefront_id": storefront_id,
                "synced_at": synced_at,
                "updated_at": updated_at,
                "url": url,
                "variant_id": variant_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))

        external_id = d.pop("external_id")

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

        def _parse_synced_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                synced_at_type_0 = datetime.datetime.fromisoformat(data)

                return synced_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        synced_at = _parse_synced_at(d.pop("synced_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        variant_id = UUID(d.pop("variant_id"))

        listing_read = cls(
            created_at=created_at,
            currency=currency,
            external_id=external_id,
            id=id,
            price_amount=price_amount,
            stock=stock,
            storefront_id=storefront_id,
            synced_at=synced_at,
            updated_at=updated_at,
            url=url,
            variant_id=variant_id,
        )

        listing_read.additional_properties = d
        return listing_read

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
