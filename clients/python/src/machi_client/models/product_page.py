from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.available_product import AvailableProduct
    from ..models.town_profile import TownProfile
    from ..models.unavailable import Unavailable


T = TypeVar("T", bound="ProductPage")


@_attrs_define
class ProductPage:
    """One published product with its listings and buy link.

    Attributes:
        product (AvailableProduct | Unavailable):
        town (TownProfile):
    """

    product: AvailableProduct | Unavailable
    town: TownProfile
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.available_product import AvailableProduct

        product: dict[str, Any]
        if isinstance(self.product, AvailableProduct):
            product = self.product.to_dict()
        else:
            product = self.product.to_dict()

        town = self.town.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "product": product,
                "town": town,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.available_product import AvailableProduct
        from ..models.town_profile import TownProfile
        from ..models.unavailable import Unavailable

        d = dict(src_dict)

        def _parse_product(data: object) -> AvailableProduct | Unavailable:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                product_type_0 = AvailableProduct.from_dict(data)

                return product_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            product_type_1 = Unavailable.from_dict(data)

            return product_type_1

        product = _parse_product(d.pop("product"))

        town = TownProfile.from_dict(d.pop("town"))

        product_page = cls(
            product=product,
            town=town,
        )

        product_page.additional_properties = d
        return product_page

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
