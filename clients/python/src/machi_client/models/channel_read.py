from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.channel_read_config import ChannelReadConfig


T = TypeVar("T", bound="ChannelRead")


@_attrs_define
class ChannelRead:
    """
    Attributes:
        approval_policy (str):
        config (ChannelReadConfig):
        created_at (datetime.datetime):
        external_id (None | str):
        has_credentials (bool):
        id (UUID):
        missing_scopes (list[str]):
        name (str):
        owner_kind (str):
        owner_user (None | str):
        platform (str):
        scopes (list[str]):
        status (str):
        status_reason (None | str):
        token_expires_at (datetime.datetime | None):
        updated_at (datetime.datetime):
    """

    approval_policy: str
    config: ChannelReadConfig
    created_at: datetime.datetime
    external_id: None | str
    has_credentials: bool
    id: UUID
    missing_scopes: list[str]
    name: str
    owner_kind: str
    owner_user: None | str
    platform: str
    scopes: list[str]
    status: str
    status_reason: None | str
    token_expires_at: datetime.datetime | None
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approval_policy = self.approval_policy

        config = self.config.to_dict()

        created_at = self.created_at.isoformat()

        external_id: None | str
        external_id = self.external_id

        has_credentials = self.has_credentials

        id = str(self.id)

        missing_scopes = self.missing_scopes

        name = self.name

        owner_kind = self.owner_kind

        owner_user: None | str
        owner_user = self.owner_user

        platform = self.platform

        scopes = self.scopes

        status = self.status

        status_reason: None | str
        status_reason = self.status_reason

        token_expires_at: None | str
        if isinstance(self.token_expires_at, datetime.datetime):
            token_expires_at = self.token_expires_at.isoformat()
        else:
            token_expires_at = self.token_expires_at

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approval_policy": approval_policy,
                "config": config,
                "created_at": created_at,
                "external_id": external_id,
                "has_credentials": has_credentials,
                "id": id,
                "missing_scopes": missing_scopes,
                "name": name,
                "owner_kind": owner_kind,
                "owner_user": owner_user,
                "platform": platform,
                "scopes": scopes,
                "status": status,
                "status_reason": status_reason,
                "token_expires_at": token_expires_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.channel_read_config import ChannelReadConfig

        d = dict(src_dict)
        approval_policy = d.pop("approval_policy")

        config = ChannelReadConfig.from_dict(d.pop("config"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        has_credentials = d.pop("has_credentials")

        id = UUID(d.pop("id"))

        missing_scopes = cast(list[str], d.pop("missing_scopes"))

        name = d.pop("name")

        owner_kind = d.pop("owner_kind")

        def _parse_owner_user(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner_user = _parse_owner_user(d.pop("owner_user"))

        platform = d.pop("platform")

        scopes = cast(list[str], d.pop("scopes"))

        status = d.pop("status")

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        def _parse_token_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                token_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return token_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        token_expires_at = _parse_token_expires_at(d.pop("token_expires_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        channel_read = cls(
            approval_policy=approval_policy,
            config=config,
            created_at=created_at,
            external_id=external_id,
            has_credentials=has_credentials,
            id=id,
            missing_scopes=missing_scopes,
            name=name,
            owner_kind=owner_kind,
            owner_user=owner_user,
            platform=platform,
            scopes=scopes,
            status=status,
            status_reason=status_reason,
            token_expires_at=token_expires_at,
            updated_at=updated_at,
        )

        channel_read.additional_properties = d
        return channel_read

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
