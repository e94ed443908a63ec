from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_create_roles_item import UserCreateRolesItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserCreate")


@_attrs_define
class UserCreate:
    """
    Attributes:
        email (str):
        password (str):
        roles (list[UserCreateRolesItem]):
        name (None | str | Unset):
        producer_ids (list[UUID] | Unset):
        tenant_id (None | Unset | UUID): Operators only: the tenant to add the user to.
    """

    email: str
    password: str
    roles: list[UserCreateRolesItem]
    name: None | str | Unset = UNSET
    producer_ids: list[UUID] | Unset = UNSET
    tenant_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        producer_ids: list[str] | Unset = UNSET
        if not isinstance(self.producer_ids, Unset):
            producer_ids = []
            for producer_ids_item_data in self.producer_ids:
                producer_ids_item = str(producer_ids_item_data)
                producer_ids.append(producer_ids_item)

        tenant_id: None | str | Unset
        if isinstance(self.tenant_id, Unset):
            tenant_id = UNSET
        elif isinstance(self.tenant_id, UUID):
            tenant_id = str(self.tenant_id)
        else:
            tenant_id = self.tenant_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "password": password,
                "roles": roles,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if producer_ids is not UNSET:
            field_dict["producer_ids"] = producer_ids
        if tenant_id is not UNSET:
            field_dict["tenant_id"] = tenant_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = UserCreateRolesItem(roles_item_data)

            roles.append(roles_item)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        _producer_ids = d.pop("producer_ids", UNSET)
        producer_ids: list[UUID] | Unset = UNSET
        if _producer_ids is not UNSET:
            producer_ids = []
            for producer_ids_item_data in _producer_ids:
                producer_ids_item = UUID(producer_ids_item_data)

                producer_ids.append(producer_ids_item)

        def _parse_tenant_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tenant_id_type_0 = UUID(data)

                return tenant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        tenant_id = _parse_tenant_id(d.pop("tenant_id", UNSET))

        user_create = cls(
            email=email,
            password=password,
            roles=roles,
            name=name,
            producer_ids=producer_ids,
            tenant_id=tenant_id,
        )

        user_create.additional_properties = d
        return user_create

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
