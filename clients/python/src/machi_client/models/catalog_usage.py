from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CatalogUsage")


@_attrs_define
class CatalogUsage:
    """
    Attributes:
        active_products (int):
        imported_rows (int):
        media_bytes (int):
        media_uploads (int):
        month (str):
        places (int):
        producers (int):
        products (int):
    """

    active_products: int
    imported_rows: int
    media_bytes: int
    media_uploads: int
    month: str
    places: int
    producers: int
    products: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_products = self.active_products

        imported_rows = self.imported_rows

        media_bytes = self.media_bytes

        media_uploads = self.media_uploads

        month = self.month

        places = self.places

        producers = self.producers

        products = self.products

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_products": active_products,
                "imported_rows": imported_rows,
                "media_bytes": media_bytes,
                "media_uploads": media_uploads,
                "month": month,
                "places": places,
                "producers": producers,
                "products": products,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        active_products = d.pop("active_products")

        imported_rows = d.pop("imported_rows")

        media_bytes = d.pop("media_bytes")

        media_uploads = d.pop("media_uploads")

        month = d.pop("month")

        places = d.pop("places")

        producers = d.pop("producers")

        products = d.pop("products")

        catalog_usage = cls(
            active_products=active_products,
            imported_rows=imported_rows,
            media_bytes=media_bytes,
            media_uploads=media_uploads,
            month=month,
            places=places,
            producers=producers,
            products=products,
        )

        catalog_usage.additional_properties = d
        return catalog_usage

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
