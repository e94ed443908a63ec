from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConversionRecordedV1")


@_attrs_define
class ConversionRecordedV1:
    """
    Attributes:
        amount (int):
        conversion_id (UUID):
        currency (str):
        order_id (str):
        store (str):
        link_code (None | str | Unset):
        producer_id (None | Unset | UUID):
        product_id (None | Unset | UUID):
    """

    amount: int
    conversion_id: UUID
    currency: str
    order_id: str
    store: str
    link_code: None | str | Unset = UNSET
    producer_id: None | Unset | UUID = UNSET
    product_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        conversion_id = str(self.conversion_id)

        currency = self.currency

        order_id = self.order_id

        store = self.store

        link_code: None | str | Unset
        if isinstance(self.link_code, Unset):
            link_code = UNSET
        else:
            link_code = self.link_code

        producer_id: None | str | Unset
        if isinstance(self.producer_id, Unset):
            producer_id = UNSET
        elif isinstance(self.producer_id, UUID):
            producer_id = str(self.producer_id)
        else:
            producer_id = self.producer_id

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        elif isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "conversion_id": conversion_id,
                "currency": currency,
                "order_id": order_id,
                "store": store,
            }
        )
        if link_code is not UNSET:
            field_dict["link_code"] = link_code
        if producer_id is not UNSET:
            field_dict["producer_id"] = producer_id
        if product_id is not UNSET:
            field_dict["product_id"] = product_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        conversion_id = UUID(d.pop("conversion_id"))

        currency = d.pop("currency")

        order_id = d.pop("order_id")

        store = d.pop("store")

        def _parse_link_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        link_code = _parse_link_code(d.pop("link_code", UNSET))

        def _parse_producer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                producer_id_type_0 = UUID(data)

                return producer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        producer_id = _parse_producer_id(d.pop("producer_id", UNSET))

        def _parse_product_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_id_type_0 = UUID(data)

                return product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        product_id = _parse_product_id(d.pop("product_id", UNSET))

        conversion_recorded_v1 = cls(
            amount=amount,
            conversion_id=conversion_id,
            currency=currency,
            order_id=order_id,
            store=store,
            link_code=link_code,
            producer_id=producer_id,
            product_id=product_id,
        )

        conversion_recorded_v1.additional_properties = d
        return conversion_recorded_v1

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
