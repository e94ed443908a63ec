from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel_update_approval_policy_type_0 import (
    ChannelUpdateApprovalPolicyType0,
)
from ..models.channel_update_status_type_0 import ChannelUpdateStatusType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.channel_update_credentials_type_0 import ChannelUpdateCredentialsType0


T = TypeVar("T", bound="ChannelUpdate")


@_attrs_define
class ChannelUpdate:
    """
    Attributes:
        approval_policy (ChannelUpdateApprovalPolicyType0 | None | Unset):
        credentials (ChannelUpdateCredentialsType0 | None | Unset): Write-only: replaces the stored ones; the keys the
            channel's platform takes at creation (`access_token`, X's `refresh_token`).
        name (None | str | Unset):
        status (ChannelUpdateStatusType0 | None | Unset):
    """

    approval_policy: ChannelUpdateApprovalPolicyType0 | None | Unset = UNSET
    credentials: ChannelUpdateCredentialsType0 | None | Unset = UNSET
    name: None | str | Unset = UNSET
    status: ChannelUpdateStatusType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.channel_update_credentials_type_0 import (
            ChannelUpdateCredentialsType0,
        )

        approval_policy: None | str | Unset
        if isinstance(self.approval_policy, Unset):
            approval_policy = UNSET
        elif isinstance(self.approval_policy, ChannelUpdateApprovalPolicyType0):
            approval_policy = self.approval_policy.value
        else:
            approval_policy = self.approval_policy

        credentials: dict[str, Any] | None | Unset
        if isinstance(self.credentials, Unset):
            credentials = UNSET
        elif isinstance(self.credentials, ChannelUpdateCredentialsType0):
            credentials = self.credentials.to_dict()
        else:
            credentials = self.credentials

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ChannelUpdateStatusType0):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if approval_policy is not UNSET:
            field_dict["approval_policy"] = approval_policy
        if credentials is not UNSET:
            field_dict["credentials"] = credentials
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.channel_update_credentials_type_0 import (
            ChannelUpdateCredentialsType0,
        )

        d = dict(src_dict)

        def _parse_approval_policy(
            data: object,
        ) -> ChannelUpdateApprovalPolicyType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approval_policy_type_0 = ChannelUpdateApprovalPolicyType0(data)

                return approval_policy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChannelUpdateApprovalPolicyType0 | None | Unset, data)

        approval_policy = _parse_approval_policy(d.pop("approval_policy", UNSET))

        def _parse_credentials(
            data: object,
        ) -> ChannelUpdateCredentialsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credentials_type_0 = ChannelUpdateCredentialsType0.from_dict(data)

                return credentials_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChannelUpdateCredentialsType0 | None | Unset, data)

        credentials = _parse_credentials(d.pop("credentials", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_status(data: object) -> ChannelUpdateStatusType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ChannelUpdateStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChannelUpdateStatusType0 | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        channel_update = cls(
            approval_policy=approval_policy,
            credentials=credentials,
            name=name,
            status=status,
        )

        channel_update.additional_properties = d
        return channel_update

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
