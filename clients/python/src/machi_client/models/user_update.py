from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_update_roles_type_0_item import UserUpdateRolesType0Item
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserUpdate")


@_attrs_define
class UserUpdate:
    """Only the fields given change.

    Attributes:
        name (None | str | Unset):
        producer_ids (list[UUID] | None | Unset):
        roles (list[UserUpdateRolesType0Item] | None | Unset):
    """

    name: None | str | Unset = UNSET
    producer_ids: list[UUID] | None | Unset = UNSET
    roles: list[UserUpdateRolesType0Item] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        producer_ids: list[str] | None | Unset
        if isinstance(self.producer_ids, Unset):
            producer_ids = UNSET
        elif isinstance(self.producer_ids, list):
            producer_ids = []
            for producer_ids_type_0_item_data in self.producer_ids:
                producer_ids_type_0_item = str(producer_ids_type_0_item_data)
                producer_ids.append(producer_ids_type_0_item)

        else:
            producer_ids = self.producer_ids

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = []
            for roles_type_0_item_data in self.roles:
                roles_type_0_item = roles_type_0_item_data.value
                roles.append(roles_type_0_item)

        else:
            roles = self.roles

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if producer_ids is not UNSET:
            field_dict["producer_ids"] = producer_ids
        if roles is not UNSET:
            field_dict["roles"] = roles

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_producer_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                producer_ids_type_0 = []
                _producer_ids_type_0 = data
                for producer_ids_type_0_item_data in _producer_ids_type_0:
                    producer_ids_type_0_item = UUID(producer_ids_type_0_item_data)

                    producer_ids_type_0.append(producer_ids_type_0_item)

                return producer_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        producer_ids = _parse_producer_ids(d.pop("producer_ids", UNSET))

        def _parse_roles(data: object) -> list[UserUpdateRolesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = []
                _roles_type_0 = data
                for roles_type_0_item_data in _roles_type_0:
                    roles_type_0_item = UserUpdateRolesType0Item(roles_type_0_item_data)

                    roles_type_0.append(roles_type_0_item)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UserUpdateRolesType0Item] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        user_update = cls(
            name=name,
            producer_ids=producer_ids,
            roles=roles,
        )

        user_update.additional_properties = d
        return user_update

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
