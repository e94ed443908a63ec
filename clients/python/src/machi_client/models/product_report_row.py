from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.product_report_row_name import ProductReportRowName


T = TypeVar("T", bound="ProductReportRow")


@_attrs_define
class ProductReportRow:
    """
    Attributes:
        clicks (int):
        name (ProductReportRowName):
        orders (int):
        producer_id (UUID):
        product_id (UUID):
        revenue (int):
        slug (str):
        visitors (int):
    """

    clicks: int
    name: ProductReportRowName
    orders: int
    producer_id: UUID
    product_id: UUID
    revenue: int
    slug: str
    visitors: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clicks = self.clicks

        name = self.name.to_dict()

        orders = self.orders

        producer_id = str(self.producer_id)

        product_id = str(self.product_id)

        revenue = self.revenue

        slug = self.slug

        visitors = self.visitors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clicks": clicks,
                "name": name,
                "orders": orders,
                "producer_id": producer_id,
                "product_id": product_id,
                "revenue": revenue,
                "slug": slug,
                "visitors": visitors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.product_report_row_name import ProductReportRowName

        d = dict(src_dict)
        clicks = d.pop("clicks")

        name = ProductReportRowName.from_dict(d.pop("name"))

        orders = d.pop("orders")

        producer_id = UUID(d.pop("producer_id"))

        product_id = UUID(d.pop("product_id"))

        revenue = d.pop("revenue")

        slug = d.pop("slug")

        visitors = d.pop("visitors")

        product_report_row = cls(
            clicks=clicks,
            name=name,
            orders=orders,
            producer_id=producer_id,
            product_id=product_id,
            revenue=revenue,
            slug=slug,
            visitors=visitors,
        )

        product_report_row.additional_properties = d
        return product_report_row

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
