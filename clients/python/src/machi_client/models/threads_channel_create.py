from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.threads_channel_create_approval_policy import (
    ThreadsChannelCreateApprovalPolicy,
)
from ..models.threads_channel_create_owner_kind import ThreadsChannelCreateOwnerKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.config import Config
    from ..models.threads_credentials import ThreadsCredentials


T = TypeVar("T", bound="ThreadsChannelCreate")


@_attrs_define
class ThreadsChannelCreate:
    """
    Attributes:
        credentials (ThreadsCredentials):
        name (str):
        platform (Literal['threads']):
        approval_policy (ThreadsChannelCreateApprovalPolicy | Unset):  Default:
            ThreadsChannelCreateApprovalPolicy.EDITOR.
        config (Config | Unset): Platform settings; further keys are kept as given.
        external_id (None | str | Unset): The Threads user id.
        owner_kind (ThreadsChannelCreateOwnerKind | Unset):  Default: ThreadsChannelCreateOwnerKind.TOWN.
        owner_user (None | str | Unset):
        scopes (list[str] | Unset):
        token_expires_at (datetime.datetime | None | Unset):
    """

    credentials: ThreadsCredentials
    name: str
    platform: Literal["threads"]
    approval_policy: ThreadsChannelCreateApprovalPolicy | Unset = (
        ThreadsChannelCreateApprovalPolicy.EDITOR
    )
    config: Config | Unset = UNSET
    external_id: None | str | Unset = UNSET
    owner_kind: ThreadsChannelCreateOwnerKind | Unset = (
        ThreadsChannelCreateOwnerKind.TOWN
    )
    owner_user: None | str | Unset = UNSET
    scopes: list[str] | Unset = UNSET
    token_expires_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credentials = self.credentials.to_dict()

        name = self.name

        platform = self.platform

        approval_policy: str | Unset = UNSET
        if not isinstance(self.approval_policy, Unset):
            approval_policy = self.approval_policy.value

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        owner_kind: str | Unset = UNSET
        if not isinstance(self.owner_kind, Unset):
            owner_kind = self.owner_kind.value

        owner_user: None | str | Unset
        if isinstance(self.owner_user, Unset):
            owner_user = UNSET
        else:
            owner_user = self.owner_user

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes

        token_expires_at: None | str | Unset
        if isinstance(self.token_expires_at, Unset):
            token_expires_at = UNSET
        elif isinstance(self.token_expires_at, datetime.datetime):
            token_expires_at = self.token_expires_at.isoformat()
        else:
            token_expires_at = self.token_expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credentials": credentials,
                "name": name,
                "platform": platform,
            }
        )
        if approval_policy is not UNSET:
            field_dict["approval_policy"] = approval_policy
        if config is not UNSET:
            field_dict["config"] = config
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if owner_kind is not UNSET:
            field_dict["owner_kind"] = owner_kind
        if owner_user is not UNSET:
            field_dict["owner_user"] = owner_user
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if token_expires_at is not UNSET:
            field_dict["token_expires_at"] = token_expires_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.config import Config
        from ..models.threads_credentials import ThreadsCredentials

        d = dict(src_dict)
        credentials = ThreadsCredentials.from_dict(d.pop("credentials"))

        name = d.pop("name")

        platform = cast(Literal["threads"], d.pop("platform"))
        if platform != "threads":
            raise ValueError(f"platform must match const 'threads', got '{platform}'")

        _approval_policy = d.pop("approval_policy", UNSET)
        approval_policy: ThreadsChannelCreateApprovalPolicy | Unset
        if isinstance(_approval_policy, Unset):
            approval_policy = UNSET
        else:
            approval_policy = ThreadsChannelCreateApprovalPolicy(_approval_policy)

        _config = d.pop("config", UNSET)
        config: Config | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = Config.from_dict(_config)

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        _owner_kind = d.pop("owner_kind", UNSET)
        owner_kind: ThreadsChannelCreateOwnerKind | Unset
        if isinstance(_owner_kind, Unset):
            owner_kind = UNSET
        else:
            owner_kind = ThreadsChannelCreateOwnerKind(_owner_kind)

        def _parse_owner_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_user = _parse_owner_user(d.pop("owner_user", UNSET))

        scopes = cast(list[str], d.pop("scopes", UNSET))

        def _parse_token_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                token_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return token_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        token_expires_at = _parse_token_expires_at(d.pop("token_expires_at", UNSET))

        threads_channel_create = cls(
            credentials=credentials,
            name=name,
            platform=platform,
            approval_policy=approval_policy,
            config=config,
            external_id=external_id,
            owner_kind=owner_kind,
            owner_user=owner_user,
            scopes=scopes,
            token_expires_at=token_expires_at,
        )

        threads_channel_create.additional_properties = d
        return threads_channel_create

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
