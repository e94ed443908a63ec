from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_read_status import UserReadStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserRead")


@_attrs_define
class UserRead:
    """
    Attributes:
        created_at (datetime.datetime):
        email (str):
        id (UUID):
        is_active (bool):
        producer_ids (list[UUID]):
        roles (list[str]):
        tenant_id (None | UUID):
        mfa_enabled (bool | Unset):  Default: False.
        name (None | str | Unset):
        status (UserReadStatus | Unset): `deleted`: an anonymised ex-user kept so the rows naming it stay whole.
            Default: UserReadStatus.ACTIVE.
    """

    created_at: datetime.datetime
    email: str
    id: UUID
    is_active: bool
    producer_ids: list[UUID]
    roles: list[str]
    tenant_id: None | UUID
    mfa_enabled: bool | Unset = False
    name: None | str | Unset = UNSET
    status: UserReadStatus | Unset = UserReadStatus.ACTIVE
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        email = self.email

        id = str(self.id)

        is_active = self.is_active

        producer_ids = []
        for producer_ids_item_data in self.producer_ids:
            producer_ids_item = str(producer_ids_item_data)
            producer_ids.append(producer_ids_item)

        roles = self.roles

        tenant_id: None | str
        if isinstance(self.tenant_id, UUID):
            tenant_id = str(self.tenant_id)
        else:
            tenant_id = self.tenant_id

        mfa_enabled = self.mfa_enabled

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "email": email,
                "id": id,
                "is_active": is_active,
                "producer_ids": producer_ids,
                "roles": roles,
                "tenant_id": tenant_id,
            }
        )
        if mfa_enabled is not UNSET:
            field_dict["mfa_enabled"] = mfa_enabled
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email = d.pop("email")

        id = UUID(d.pop("id"))

        is_active = d.pop("is_active")

        producer_ids = []
        _producer_ids = d.pop("producer_ids")
        for producer_ids_item_data in _producer_ids:
            producer_ids_item = UUID(producer_ids_item_data)

            producer_ids.append(producer_ids_item)

        roles = cast(list[str], d.pop("roles"))

        def _parse_tenant_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tenant_id_type_0 = UUID(data)

                return tenant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        tenant_id = _parse_tenant_id(d.pop("tenant_id"))

        mfa_enabled = d.pop("mfa_enabled", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        _status = d.pop("status", UNSET)
        status: UserReadStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = UserReadStatus(_status)

        user_read = cls(
            created_at=created_at,
            email=email,
            id=id,
            is_active=is_active,
            producer_ids=producer_ids,
            roles=roles,
            tenant_id=tenant_id,
            mfa_enabled=mfa_enabled,
            name=name,
            status=status,
        )

        user_read.additional_properties = d
        return user_read

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
