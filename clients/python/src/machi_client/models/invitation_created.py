from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InvitationCreated")


@_attrs_define
class InvitationCreated:
    """
    Attributes:
        accept_path (str): POST here with a password to accept.
        email (str):
        expires_at (datetime.datetime):
        id (UUID):
        roles (list[str]):
        tenant_id (UUID):
        token (str): Shown once: send it to the invitee, it is not stored.
    """

    accept_path: str
    email: str
    expires_at: datetime.datetime
    id: UUID
    roles: list[str]
    tenant_id: UUID
    token: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accept_path = self.accept_path

        email = self.email

        expires_at = self.expires_at.isoformat()

        id = str(self.id)

        roles = self.roles

        tenant_id = str(self.tenant_id)

        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accept_path": accept_path,
                "email": email,
                "expires_at": expires_at,
                "id": id,
                "roles": roles,
                "tenant_id": tenant_id,
                "token": token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        accept_path = d.pop("accept_path")

        email = d.pop("email")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = UUID(d.pop("id"))

        roles = cast(list[str], d.pop("roles"))

        tenant_id = UUID(d.pop("tenant_id"))

        token = d.pop("token")

        invitation_created = cls(
            accept_path=accept_path,
            email=email,
            expires_at=expires_at,
            id=id,
            roles=roles,
            tenant_id=tenant_id,
            token=token,
        )

        invitation_created.additional_properties = d
        return invitation_created

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
