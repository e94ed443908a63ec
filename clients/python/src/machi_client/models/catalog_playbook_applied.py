from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CatalogPlaybookApplied")


@_attrs_define
class CatalogPlaybookApplied:
    """
    Attributes:
        categories_created (int):
        categories_kept (int):
    """

    categories_created: int
    categories_kept: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        categories_created = self.categories_created

        categories_kept = self.categories_kept

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "categories_created": categories_created,
                "categories_kept": categories_kept,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        categories_created = d.pop("categories_created")

        categories_kept = d.pop("categories_kept")

        catalog_playbook_applied = cls(
            categories_created=categories_created,
            categories_kept=categories_kept,
        )

        catalog_playbook_applied.additional_properties = d
        return catalog_playbook_applied

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
