from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.variant_update_unit_type_0 import VariantUpdateUnitType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.variant_update_name_type_0 import VariantUpdateNameType0


T = TypeVar("T", bound="VariantUpdate")


@_attrs_define
class VariantUpdate:
    """
    Attributes:
        currency (None | str | Unset):
        made_to_order (bool | None | Unset):
        name (None | Unset | VariantUpdateNameType0):
        price_amount (int | None | Unset):
        quantity (int | None | Unset):
        stock (int | None | Unset):
        unit (None | Unset | VariantUpdateUnitType0):
        weight_grams (int | None | Unset):
    """

    currency: None | str | Unset = UNSET
    made_to_order: bool | None | Unset = UNSET
    name: None | Unset | VariantUpdateNameType0 = UNSET
    price_amount: int | None | Unset = UNSET
    quantity: int | None | Unset = UNSET
    stock: int | None | Unset = UNSET
    unit: None | Unset | VariantUpdateUnitType0 = UNSET
    weight_grams: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.variant_update_name_type_0 import VariantUpdateNameType0

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        made_to_order: bool | None | Unset
        if isinstance(self.made_to_order, Unset):
            made_to_order = UNSET
        else:
            made_to_order = self.made_to_order

        name: dict[str, Any] | None | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        elif isinstance(self.name, VariantUpdateNameType0):
            name = self.name.to_dict()
        else:
            name = self.name

        price_amount: int | None | Unset
        if isinstance(self.price_amount, Unset):
            price_amount = UNSET
        else:
            price_amount = self.price_amount

        quantity: int | None | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        stock: int | None | Unset
        if isinstance(self.stock, Unset):
            stock = UNSET
        else:
            stock = self.stock

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        elif isinstance(self.unit, VariantUpdateUnitType0):
            unit = self.unit.value
        else:
            unit = self.unit

        weight_grams: int | None | Unset
        if isinstance(self.weight_grams, Unset):
            weight_grams = UNSET
        else:
            weight_grams = self.weight_grams

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if currency is not UNSET:
            field_dict["currency"] = currency
        if made_to_order is not UNSET:
            field_dict["made_to_order"] = made_to_order
        if name is not UNSET:
            field_dict["name"] = name
        if price_amount is not UNSET:
            field_dict["price_amount"] = price_amount
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if stock is not UNSET:
            field_dict["stock"] = stock
        if unit is not UNSET:
            field_dict["unit"] = unit
        if weight_grams is not UNSET:
            field_dict["weight_grams"] = weight_grams

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.variant_update_name_type_0 import VariantUpdateNameType0

        d = dict(src_dict)

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_made_to_order(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        made_to_order = _parse_made_to_order(d.pop("made_to_order", UNSET))

        def _parse_name(data: object) -> None | Unset | VariantUpdateNameType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_0 = VariantUpdateNameType0.from_dict(data)

                return name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VariantUpdateNameType0, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_price_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        price_amount = _parse_price_amount(d.pop("price_amount", UNSET))

        def _parse_quantity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        def _parse_stock(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        stock = _parse_stock(d.pop("stock", UNSET))

        def _parse_unit(data: object) -> None | Unset | VariantUpdateUnitType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unit_type_0 = VariantUpdateUnitType0(data)

                return unit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VariantUpdateUnitType0, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        def _parse_weight_grams(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        weight_grams = _parse_weight_grams(d.pop("weight_grams", UNSET))

        variant_update = cls(
            currency=currency,
            made_to_order=made_to_order,
            name=name,
            price_amount=price_amount,
            quantity=quantity,
            stock=stock,
            unit=unit,
            weight_grams=weight_grams,
        )

        variant_update.additional_properties = d
        return variant_update

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
