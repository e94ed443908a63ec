from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.metrics import Metrics
    from ..models.product_report_row import ProductReportRow


T = TypeVar("T", bound="ProducerReport")


@_attrs_define
class ProducerReport:
    """
    Attributes:
        producer_id (UUID):
        products (list[ProductReportRow]):
        totals (Metrics):
    """

    producer_id: UUID
    products: list[ProductReportRow]
    totals: Metrics
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        producer_id = str(self.producer_id)

        products = []
        for products_item_data in self.products:
            products_item = products_item_data.to_dict()
            products.append(products_item)

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "producer_id": producer_id,
                "products": products,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metrics import Metrics
        from ..models.product_report_row import ProductReportRow

        d = dict(src_dict)
        producer_id = UUID(d.pop("producer_id"))

        products = []
        _products = d.pop("products")
        for products_item_data in _products:
            products_item = ProductReportRow.from_dict(products_item_data)

            products.append(products_item)

        totals = Metrics.from_dict(d.pop("totals"))

        producer_report = cls(
            producer_id=producer_id,
            products=products,
            totals=totals,
        )

        producer_report.additional_properties = d
        return producer_report

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
