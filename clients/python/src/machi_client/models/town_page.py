from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.places_section import PlacesSection
    from ..models.posts_section import PostsSection
    from ..models.products_section import ProductsSection
    from ..models.town_profile import TownProfile
    from ..models.unavailable import Unavailable


T = TypeVar("T", bound="TownPage")


@_attrs_define
class TownPage:
    """The city page: profile, latest posts, in-season products with buy links, places.

    Attributes:
        places (PlacesSection | Unavailable):
        posts (PostsSection | Unavailable):
        products (ProductsSection | Unavailable):
        town (TownProfile):
    """

    places: PlacesSection | Unavailable
    posts: PostsSection | Unavailable
    products: ProductsSection | Unavailable
    town: TownProfile
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.places_section import PlacesSection
        from ..models.posts_section import PostsSection
        from ..models.products_section import ProductsSection

        places: dict[str, Any]
        if isinstance(self.places, PlacesSection):
            places = self.places.to_dict()
        else:
            places = self.places.to_dict()

        posts: dict[str, Any]
        if isinstance(self.posts, PostsSection):
            posts = self.posts.to_dict()
        else:
            posts = self.posts.to_dict()

        products: dict[str, Any]
        if isinstance(self.products, ProductsSection):
            products = self.products.to_dict()
        else:
            products = self.products.to_dict()

        town = self.town.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "places": places,
                "posts": posts,
                "products": products,
                "town": town,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.places_section import PlacesSection
        from ..models.posts_section import PostsSection
        from ..models.products_section import ProductsSection
        from ..models.town_profile import TownProfile
        from ..models.unavailable import Unavailable

        d = dict(src_dict)

        def _parse_places(data: object) -> PlacesSection | Unavailable:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                places_type_0 = PlacesSection.from_dict(data)

                return places_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            places_type_1 = Unavailable.from_dict(data)

            return places_type_1

        places = _parse_places(d.pop("places"))

        def _parse_posts(data: object) -> PostsSection | Unavailable:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                posts_type_0 = PostsSection.from_dict(data)

                return posts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            posts_type_1 = Unavailable.from_dict(data)

            return posts_type_1

        posts = _parse_posts(d.pop("posts"))

        def _parse_products(data: object) -> ProductsSection | Unavailable:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                products_type_0 = ProductsSection.from_dict(data)

                return products_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            products_type_1 = Unavailable.from_dict(data)

            return products_type_1

        products = _parse_products(d.pop("products"))

        town = TownProfile.from_dict(d.pop("town"))

        town_page = cls(
            places=places,
            posts=posts,
            products=products,
            town=town,
        )

        town_page.additional_properties = d
        return town_page

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
