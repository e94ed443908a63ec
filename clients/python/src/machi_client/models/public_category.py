from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.public_category_name_type_1 import PublicCategoryNameType1


T = TypeVar("T", bound="PublicCategory")


@_attrs_define
class PublicCategory:
    """
    Attributes:
        id (UUID):
        name (PublicCategoryNameType1 | str): The text in the visitor's language; `{}` when there is none.
        slug (str):
        parent_id (None | Unset | UUID):
    """

    id: UUID
    name: PublicCategoryNameType1 | str
    slug: str
    parent_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.public_category_name_type_1 import PublicCategoryNameType1

        id = str(self.id)

        name: dict[str, Any] | str
        if isinstance(self.name, PublicCategoryNameType1):
            name = self.name.to_dict()
        else:
            name = self.name

        slug = self.slug

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "slug": slug,
            }
        )
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.public_category_name_type_1 import PublicCategoryNameType1

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_name(data: object) -> PublicCategoryNameType1 | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_1 = PublicCategoryNameType1.from_dict(data)

                return name_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PublicCategoryNameType1 | str, data)

        name = _parse_name(d.pop("name"))

        slug = d.pop("slug")

        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        public_category = cls(
            id=id,
            name=name,
            slug=slug,
            parent_id=parent_id,
        )

        public_category.additional_properties = d
        return public_category

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
