from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SyncReport")


@_attrs_define
class SyncReport:
    """What one sync saw and changed.

    Attributes:
        items_seen (int):
        listings_changed (int):
        listings_linked (int):
        storefront_id (UUID):
    """

    items_seen: int
    listings_changed: int
    listings_linked: int
    storefront_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items_seen = self.items_seen

        listings_changed = self.listings_changed

        listings_linked = self.listings_linked

        storefront_id = str(self.storefront_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items_seen": items_seen,
                "listings_changed": listings_changed,
                "listings_linked": listings_linked,
                "storefront_id": storefront_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        items_seen = d.pop("items_seen")

        listings_changed = d.pop("listings_changed")

        listings_linked = d.pop("listings_linked")

        storefront_id = UUID(d.pop("storefront_id"))

        sync_report = cls(
            items_seen=items_seen,
            listings_changed=listings_changed,
            listings_linked=listings_linked,
            storefront_id=storefront_id,
        )

        sync_report.additional_properties = d
        return sync_report

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
