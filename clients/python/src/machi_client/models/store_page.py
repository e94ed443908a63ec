from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.store_products_section import StoreProductsSection
    from ..models.town_profile import TownProfile
    from ..models.unavailable import Unavailable


T = TypeVar("T", bound="StorePage")


@_attrs_define
class StorePage:
    """The storefront: published products with listings and buy links.

    Attributes:
        products (StoreProductsSection | Unavailable):
        town (TownProfile):
    """

    products: StoreProductsSection | Unavailable
    town: TownProfile
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.store_products_section import StoreProductsSection

        products: dict[str, Any]
        if isinstance(self.products, StoreProductsSection):
            products = self.products.to_dict()
        else:
            products = self.products.to_dict()

        town = self.town.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "products": products,
                "town": town,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.store_products_section import StoreProductsSection
        from ..models.town_profile import TownProfile
        from ..models.unavailable import Unavailable

        d = dict(src_dict)

        def _parse_products(data: object) -> StoreProductsSection | Unavailable:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                products_type_0 = StoreProductsSection.from_dict(data)

                return products_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            products_type_1 = Unavailable.from_dict(data)

            return products_type_1

        products = _parse_products(d.pop("products"))

        town = TownProfile.from_dict(d.pop("town"))

        store_page = cls(
            products=products,
            town=town,
        )

        store_page.additional_properties = d
        return store_page

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
