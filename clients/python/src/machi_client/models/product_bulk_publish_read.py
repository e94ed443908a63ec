from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.product_read import ProductRead


T = TypeVar("T", bound="ProductBulkPublishRead")


@_attrs_define
class ProductBulkPublishRead:
    """The products asked for, in the order asked, and which of them this call published.

    Attributes:
        items (list[ProductRead]):
        published (list[UUID]): Ids that were drafts and are now published
    """

    items: list[ProductRead]
    published: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        published = []
        for published_item_data in self.published:
            published_item = str(published_item_data)
            published.append(published_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "published": published,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.product_read import ProductRead

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ProductRead.from_dict(items_item_data)

            items.append(items_item)

        published = []
        _published = d.pop("published")
        for published_item_data in _published:
            published_item = UUID(published_item_data)

            published.append(published_item)

        product_bulk_publish_read = cls(
            items=items,
            published=published,
        )

        product_bulk_publish_read.additional_properties = d
        return product_bulk_publish_read

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
