from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.category_update_name_type_0 import CategoryUpdateNameType0


T = TypeVar("T", bound="CategoryUpdate")


@_attrs_define
class CategoryUpdate:
    """A category's new name (the slug stays: addresses and imports name it).

    Attributes:
        name (CategoryUpdateNameType0 | None | Unset):
    """

    name: CategoryUpdateNameType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.category_update_name_type_0 import CategoryUpdateNameType0

        name: dict[str, Any] | None | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        elif isinstance(self.name, CategoryUpdateNameType0):
            name = self.name.to_dict()
        else:
            name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.category_update_name_type_0 import CategoryUpdateNameType0

        d = dict(src_dict)

        def _parse_name(data: object) -> CategoryUpdateNameType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_0 = CategoryUpdateNameType0.from_dict(data)

                return name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CategoryUpdateNameType0 | None | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        category_update = cls(
            name=name,
        )

        category_update.additional_properties = d
        return category_update

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
