from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.variant_create_unit import VariantCreateUnit
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.variant_create_name import VariantCreateName


T = TypeVar("T", bound="VariantCreate")


@_attrs_define
class VariantCreate:
    """
    Attributes:
        price_amount (int): Minor units (¥1,980 = 1980)
        sku (str):
        currency (str | Unset):  Default: 'JPY'.
        made_to_order (bool | Unset):  Default: False.
        name (VariantCreateName | Unset):
        quantity (int | Unset): How many units: 200 with unit g Default: 1.
        stock (int | None | Unset):
        unit (VariantCreateUnit | Unset):  Default: VariantCreateUnit.PIECE.
        weight_grams (int | None | Unset): Shipping weight
    """

    price_amount: int
    sku: str
    currency: str | Unset = "JPY"
    made_to_order: bool | Unset = False
    name: VariantCreateName | Unset = UNSET
    quantity: int | Unset = 1
    stock: int | None | Unset = UNSET
    unit: VariantCreateUnit | Unset = VariantCreateUnit.PIECE
    weight_grams: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        price_amount = self.price_amount

        sku = self.sku

        currency = self.currency

        made_to_order = self.made_to_order

        name: dict[str, Any] | Unset = UNSET
        if not isinstance(self.name, Unset):
            name = self.name.to_dict()

        quantity = self.quantity

        stock: int | None | Unset
        if isinstance(self.stock, Unset):
            stock = UNSET
        else:
            stock = self.stock

        unit: str | Unset = UNSET
        if not isinstance(self.unit, Unset):
            unit = self.unit.value

        weight_grams: int | None | Unset
        if isinstance(self.weight_grams, Unset):
            weight_grams = UNSET
        else:
            weight_grams = self.weight_grams

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "price_amount": price_amount,
                "sku": sku,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if made_to_order is not UNSET:
            field_dict["made_to_order"] = made_to_order
        if name is not UNSET:
            field_dict["name"] = name
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
        from ..models.variant_create_name import VariantCreateName

        d = dict(src_dict)
        price_amount = d.pop("price_amount")

        sku = d.pop("sku")

        currency = d.pop("currency", UNSET)

        made_to_order = d.pop("made_to_order", UNSET)

        _name = d.pop("name", UNSET)
        name: VariantCreateName | Unset
        if isinstance(_name, Unset):
            name = UNSET
        else:
            name = VariantCreateName.from_dict(_name)

        quantity = d.pop("quantity", UNSET)

        def _parse_stock(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        stock = _parse_stock(d.pop("stock", UNSET))

        _unit = d.pop("unit", UNSET)
        unit: VariantCreateUnit | Unset
        if isinstance(_unit, Unset):
            unit = UNSET
        else:
            unit = VariantCreateUnit(_unit)

        def _parse_weight_grams(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        weight_grams = _parse_weight_grams(d.pop("weight_grams", UNSET))

        variant_create = cls(
            price_amount=price_amount,
            sku=sku,
            currency=currency,
            made_to_order=made_to_order,
            name=name,
            quantity=quantity,
            stock=stock,
            unit=unit,
            weight_grams=weight_grams,
        )

        variant_create.additional_properties = d
        return variant_create

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
