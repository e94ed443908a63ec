from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InboxSettingsUpdate")


@_attrs_define
class InboxSettingsUpdate:
    """Write-only secrets, sealed on arrival; a field left out keeps its value.

    Attributes:
        meta_app_secret (None | str | Unset):
        meta_verify_token (None | str | Unset): What the Meta app dashboard sends as `hub.verify_token`.
        public_replies_need_approval (bool | None | Unset):
        retention_days (int | None | Unset):
    """

    meta_app_secret: None | str | Unset = UNSET
    meta_verify_token: None | str | Unset = UNSET
    public_replies_need_approval: bool | None | Unset = UNSET
    retention_days: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        meta_app_secret: None | str | Unset
        if isinstance(self.meta_app_secret, Unset):
            meta_app_secret = UNSET
        else:
            meta_app_secret = self.meta_app_secret

        meta_verify_token: None | str | Unset
        if isinstance(self.meta_verify_token, Unset):
            meta_verify_token = UNSET
        else:
            meta_verify_token = self.meta_verify_token

        public_replies_need_approval: bool | None | Unset
        if isinstance(self.public_replies_need_approval, Unset):
            public_replies_need_approval = UNSET
        else:
            public_replies_need_approval = self.public_replies_need_approval

        retention_days: int | None | Unset
        if isinstance(self.retention_days, Unset):
            retention_days = UNSET
        else:
            retention_days = self.retention_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if meta_app_secret is not UNSET:
            field_dict["meta_app_secret"] = meta_app_secret
        if meta_verify_token is not UNSET:
            field_dict["meta_verify_token"] = meta_verify_token
        if public_replies_need_approval is not UNSET:
            field_dict["public_replies_need_approval"] = public_replies_need_approval
        if retention_days is not UNSET:
            field_dict["retention_days"] = retention_days

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_meta_app_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        meta_app_secret = _parse_meta_app_secret(d.pop("meta_app_secret", UNSET))

        def _parse_meta_verify_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        meta_verify_token = _parse_meta_verify_token(d.pop("meta_verify_token", UNSET))

        def _parse_public_replies_need_approval(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        public_replies_need_approval = _parse_public_replies_need_approval(
            d.pop("public_replies_need_approval", UNSET)
        )

        def _parse_retention_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        retention_days = _parse_retention_days(d.pop("retention_days", UNSET))

        inbox_settings_update = cls(
            meta_app_secret=meta_app_secret,
            meta_verify_token=meta_verify_token,
            public_replies_need_approval=public_replies_need_approval,
            retention_days=retention_days,
        )

        inbox_settings_update.additional_properties = d
        return inbox_settings_update

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
