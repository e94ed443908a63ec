from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.me_read_kind import MeReadKind
from ..models.me_read_language_type_0 import MeReadLanguageType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.me_read_limits import MeReadLimits


T = TypeVar("T", bound="MeRead")


@_attrs_define
class MeRead:
    """The caller as the gateway resolved it.

    Attributes:
        email (None | str):
        features (list[str]): The plan's features, e.g. line_broadcast.
        kind (MeReadKind):
        limits (MeReadLimits):
        producer_ids (list[UUID]):
        roles (list[str]):
        sub (str): User id or API key id.
        tenant_id (None | UUID):
        user_id (None | UUID):
        language (MeReadLanguageType0 | None | Unset): The language the user chose for the console; none: the browser's.
        mfa_enabled (bool | Unset): The user has a second factor (TOTP); false for a key. Default: False.
    """

    email: None | str
    features: list[str]
    kind: MeReadKind
    limits: MeReadLimits
    producer_ids: list[UUID]
    roles: list[str]
    sub: str
    tenant_id: None | UUID
    user_id: None | UUID
    language: MeReadLanguageType0 | None | Unset = UNSET
    mfa_enabled: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email: None | str
        email = self.email

        features = self.features

        kind = self.kind.value

        limits = self.limits.to_dict()

        producer_ids = []
        for producer_ids_item_data in self.producer_ids:
            producer_ids_item = str(producer_ids_item_data)
            producer_ids.append(producer_ids_item)

        roles = self.roles

        sub = self.sub

        tenant_id: None | str
        if isinstance(self.tenant_id, UUID):
            tenant_id = str(self.tenant_id)
        else:
            tenant_id = self.tenant_id

        user_id: None | str
        if isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        elif isinstance(self.language, MeReadLanguageType0):
            language = self.language.value
        else:
            language = self.language

        mfa_enabled = self.mfa_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "features": features,
                "kind": kind,
                "limits": limits,
                "producer_ids": producer_ids,
                "roles": roles,
                "sub": sub,
                "tenant_id": tenant_id,
                "user_id": user_id,
            }
        )
        if language is not UNSET:
            field_dict["language"] = language
        if mfa_enabled is not UNSET:
            field_dict["mfa_enabled"] = mfa_enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.me_read_limits import MeReadLimits

        d = dict(src_dict)

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        features = cast(list[str], d.pop("features"))

        kind = MeReadKind(d.pop("kind"))

        limits = MeReadLimits.from_dict(d.pop("limits"))

        producer_ids = []
        _producer_ids = d.pop("producer_ids")
        for producer_ids_item_data in _producer_ids:
            producer_ids_item = UUID(producer_ids_item_data)

            producer_ids.append(producer_ids_item)

        roles = cast(list[str], d.pop("roles"))

        sub = d.pop("sub")

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

        def _parse_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        user_id = _parse_user_id(d.pop("user_id"))

        def _parse_language(data: object) -> MeReadLanguageType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_type_0 = MeReadLanguageType0(data)

                return language_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeReadLanguageType0 | None | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        mfa_enabled = d.pop("mfa_enabled", UNSET)

        me_read = cls(
            email=email,
            features=features,
            kind=kind,
            limits=limits,
            producer_ids=producer_ids,
            roles=roles,
            sub=sub,
            tenant_id=tenant_id,
            user_id=user_id,
            language=language,
            mfa_enabled=mfa_enabled,
        )

        me_read.additional_properties = d
        return me_read

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
