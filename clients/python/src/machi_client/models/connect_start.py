from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.connect_start_approval_policy import ConnectStartApprovalPolicy
from ..models.connect_start_owner_kind import ConnectStartOwnerKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConnectStart")


@_attrs_define
class ConnectStart:
    """
    Attributes:
        approval_policy (ConnectStartApprovalPolicy | Unset):  Default: ConnectStartApprovalPolicy.EDITOR.
        instance_url (None | str | Unset): Mastodon only: the account's instance.
        owner_kind (ConnectStartOwnerKind | Unset):  Default: ConnectStartOwnerKind.TOWN.
        owner_user (None | str | Unset):
    """

    approval_policy: ConnectStartApprovalPolicy | Unset = (
        ConnectStartApprovalPolicy.EDITOR
    )
    instance_url: None | str | Unset = UNSET
    owner_kind: ConnectStartOwnerKind | Unset = ConnectStartOwnerKind.TOWN
    owner_user: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approval_policy: str | Unset = UNSET
        if not isinstance(self.approval_policy, Unset):
            approval_policy = self.approval_policy.value

        instance_url: None | str | Unset
        if isinstance(self.instance_url, Unset):
            instance_url = UNSET
        else:
            instance_url = self.instance_url

        owner_kind: str | Unset = UNSET
        if not isinstance(self.owner_kind, Unset):
            owner_kind = self.owner_kind.value

        owner_user: None | str | Unset
        if isinstance(self.owner_user, Unset):
            owner_user = UNSET
        else:
            owner_user = self.owner_user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if approval_policy is not UNSET:
            field_dict["approval_policy"] = approval_policy
        if instance_url is not UNSET:
            field_dict["instance_url"] = instance_url
        if owner_kind is not UNSET:
            field_dict["owner_kind"] = owner_kind
        if owner_user is not UNSET:
            field_dict["owner_user"] = owner_user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _approval_policy = d.pop("approval_policy", UNSET)
        approval_policy: ConnectStartApprovalPolicy | Unset
        if isinstance(_approval_policy, Unset):
            approval_policy = UNSET
        else:
            approval_policy = ConnectStartApprovalPolicy(_approval_policy)

        def _parse_instance_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instance_url = _parse_instance_url(d.pop("instance_url", UNSET))

        _owner_kind = d.pop("owner_kind", UNSET)
        owner_kind: ConnectStartOwnerKind | Unset
        if isinstance(_owner_kind, Unset):
            owner_kind = UNSET
        else:
            owner_kind = ConnectStartOwnerKind(_owner_kind)

        def _parse_owner_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_user = _parse_owner_user(d.pop("owner_user", UNSET))

        connect_start = cls(
            approval_policy=approval_policy,
            instance_url=instance_url,
            owner_kind=owner_kind,
            owner_user=owner_user,
        )

        connect_start.additional_properties = d
        return connect_start

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
