from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InboxSettingsRead")


@_attrs_define
class InboxSettingsRead:
    """
    Attributes:
        deployment_app_secret (bool): PUBLISHER_FACEBOOK_APP_SECRET is set: used when the town has none.
        meta_app_secret_set (bool): The town's own Meta app secret is stored.
        meta_verify_token_set (bool):
        retention_days (int): Citizens' messages older than this are deleted.
        public_replies_need_approval (bool | Unset): A public reply (on a comment thread) by a writer or staff member
            waits for an editor's approval before it goes out; private messages never wait. Default: False.
    """

    deployment_app_secret: bool
    meta_app_secret_set: bool
    meta_verify_token_set: bool
    retention_days: int
    public_replies_need_approval: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deployment_app_secret = self.deployment_app_secret

        meta_app_secret_set = self.meta_app_secret_set

        meta_verify_token_set = self.meta_verify_token_set

        retention_days = self.retention_days

        public_replies_need_approval = self.public_replies_need_approval

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deployment_app_secret": deployment_app_secret,
                "meta_app_secret_set": meta_app_secret_set,
                "meta_verify_token_set": meta_verify_token_set,
                "retention_days": retention_days,
            }
        )
        if public_replies_need_approval is not UNSET:
            field_dict["public_replies_need_approval"] = public_replies_need_approval

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        deployment_app_secret = d.pop("deployment_app_secret")

        meta_app_secret_set = d.pop("meta_app_secret_set")

        meta_verify_token_set = d.pop("meta_verify_token_set")

        retention_days = d.pop("retention_days")

        public_replies_need_approval = d.pop("public_replies_need_approval", UNSET)

        inbox_settings_read = cls(
            deployment_app_secret=deployment_app_secret,
            meta_app_secret_set=meta_app_secret_set,
            meta_verify_token_set=meta_verify_token_set,
            retention_days=retention_days,
            public_replies_need_approval=public_replies_need_approval,
        )

        inbox_settings_read.additional_properties = d
        return inbox_settings_read

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
