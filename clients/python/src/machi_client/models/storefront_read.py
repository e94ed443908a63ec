from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StorefrontRead")


@_attrs_define
class StorefrontRead:
    """A storefront; its credentials never leave the service.

    Attributes:
        api_base_url (None | str):
        created_at (datetime.datetime):
        currency (str):
        id (UUID):
        item_url_template (None | str):
        kind (str):
        last_sync_error (None | str):
        last_synced_at (datetime.datetime | None):
        name (str):
        updated_at (datetime.datetime):
        has_credentials (bool | Unset):  Default: False.
    """

    api_base_url: None | str
    created_at: datetime.datetime
    currency: str
    id: UUID
    item_url_template: None | str
    kind: str
    last_sync_error: None | str
    last_synced_at: datetime.datetime | None
    name: str
    updated_at: datetime.datetime
    has_credentials: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_base_url: None | str
        api_base_url = self.api_base_url

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        item_url_template: None | str
        item_url_template = self.item_url_template

        kind = self.kind

        last_sync_error: None | str
        last_sync_error = self.last_sync_error

        last_synced_at: None | str
        if isinstance(self.last_synced_at, datetime.datetime):
            last_synced_at = self.last_synced_at.isoformat()
        else:
            last_synced_at = self.last_synced_at

        name = self.name

        updated_at = self.updated_at.isoformat()

        has_credentials = self.has_credentials

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_base_url": api_base_url,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "item_url_template": item_url_template,
                "kind": kind,
                "last_sync_error": last_sync_error,
                "last_synced_at": last_synced_at,
                "name": name,
                "updated_at": updated_at,
            }
        )
        if has_credentials is not UNSET:
            field_dict["has_credentials"] = has_credentials

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_api_base_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        api_base_url = _parse_api_base_url(d.pop("api_base_url"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        def _parse_item_url_template(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        item_url_template = _parse_item_url_template(d.pop("item_url_template"))

        kind = d.pop("kind")

        def _parse_last_sync_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_sync_error = _parse_last_sync_error(d.pop("last_sync_error"))

        def _parse_last_synced_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_synced_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_synced_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_synced_at = _parse_last_synced_at(d.pop("last_synced_at"))

        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        has_credentials = d.pop("has_credentials", UNSET)

        storefront_read = cls(
            api_base_url=api_base_url,
            created_at=created_at,
            currency=currency,
            id=id,
            item_url_template=item_url_template,
            kind=kind,
            last_sync_error=last_sync_error,
            last_synced_at=last_synced_at,
            name=name,
            updated_at=updated_at,
            has_credentials=has_credentials,
        )

        storefront_read.additional_properties = d
        return storefront_read

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
