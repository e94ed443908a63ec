from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.public_variant_name_type_1 import PublicVariantNameType1


T = TypeVar("T", bound="PublicVariant")


@_attrs_define
class PublicVariant:
    """
    Attributes:
        currency (str):
        id (UUID):
        name (PublicVariantNameType1 | str): The text in the visitor's language; `{}` when there is none.
        price_amount (int):
        sku (str):
        stock (int | None):
    """

    currency: str
    id: UUID
    name: PublicVariantNameType1 | str
    price_amount: int
    sku: str
    stock: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.public_variant_name_type_1 import PublicVariantNameType1

        currency = self.currency

        id = str(self.id)

        name: dict[str, Any] | str
        if isinstance(self.name, PublicVariantNameType1):
            name = self.name.to_dict()
        else:
            name = self.name

        price_amount = self.price_amount

        sku = self.sku

        stock: int | None
        stock = self.stock

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "id": id,
                "name": name,
                "price_amount": price_amount,
                "sku": sku,
                "stock": stock,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.public_variant_name_type_1 import PublicVariantNameType1

        d = dict(src_dict)
        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        def _parse_name(data: object) -> PublicVariantNameType1 | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_1 = PublicVariantNameType1.from_dict(data)

                return name_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PublicVariantNameType1 | str, data)

        name = _parse_name(d.pop("name"))

        price_amount = d.pop("price_amount")

        sku = d.pop("sku")

        def _parse_stock(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        stock = _parse_stock(d.pop("stock"))

        public_variant = cls(
            currency=currency,
            id=id,
            name=name,
            price_amount=price_amount,
            sku=sku,
            stock=stock,
        )

        public_variant.additional_properties = d
        return public_variant

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
