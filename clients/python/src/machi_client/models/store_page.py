from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.categories_section import CategoriesSection
    from ..models.store_products_section import StoreProductsSection
    from ..models.town_profile import TownProfile
    from ..models.unavailable import Unavailable


T = TypeVar("T", bound="StorePage")


@_attrs_define
class StorePage:
    """The storefront: published products with their producer, listings and buy links, and the
    town's categories (a product's `category_id` names one).

        Attributes:
            products (StoreProductsSection | Unavailable):
            town (TownProfile):
            categories (CategoriesSection | Unavailable | Unset):
    """

    products: StoreProductsSection | Unavailable
    town: TownProfile
    categories: CategoriesSection | Unavailable | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.categories_section import CategoriesSection
        from ..models.store_products_section import StoreProductsSection

        products: dict[str, Any]
        if isinstance(self.products, StoreProductsSection):
            products = self.products.to_dict()
        else:
            products = self.products.to_dict()

        town = self.town.to_dict()

        categories: dict[str, Any] | Unset
        if isinstance(self.categories, Unset):
            categories = UNSET
        elif isinstance(self.categories, CategoriesSection):
            categories = self.categories.to_dict()
        else:
            categories = self.categories.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "products": products,
                "town": town,
            }
        )
        if categories is not UNSET:
            field_dict["categories"] = categories

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.categories_section import CategoriesSection
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

        def _parse_categories(data: object) -> CategoriesSection | Unavailable | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                categories_type_0 = CategoriesSection.from_dict(data)

                return categories_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            categories_type_1 = Unavailable.from_dict(data)

            return categories_type_1

        categories = _parse_categories(d.pop("categories", UNSET))

        store_page = cls(
            products=products,
            town=town,
            categories=categories,
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
