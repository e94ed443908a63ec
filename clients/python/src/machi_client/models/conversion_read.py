from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConversionRead")


@_attrs_define
class ConversionRead:
    """
    Attributes:
        amount (int):
        channel_id (None | UUID):
        code (None | str):
        created_at (datetime.datetime):
        currency (str):
        id (UUID):
        method (str):
        occurred_at (datetime.datetime):
        order_id (str):
        post_id (None | UUID):
        status (str):
        store (str):
        updated_at (datetime.datetime):
    """

    amount: int
    channel_id: None | UUID
    code: None | str
    created_at: datetime.datetime
    currency: str
    id: UUID
    method: str
    occurred_at: datetime.datetime
    order_id: str
    post_id: None | UUID
    status: str
    store: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        channel_id: None | str
        if isinstance(self.channel_id, UUID):
            channel_id = str(self.channel_id)
        else:
            channel_id = self.channel_id

        code: None | str
        code = self.code

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        method = self.method

        occurred_at = self.occurred_at.isoformat()

        order_id = self.order_id

        post_id: None | str
        if isinstance(self.post_id, UUID):
            post_id = str(self.post_id)
        else:
            post_id = self.post_id

        status = self.status

        store = self.store

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "channel_id": channel_id,
                "code": code,
                "created_at": created_at,
                "currency": currency,
                "id": id,
                "method": method,
                "occurred_at": occurred_at,
                "order_id": order_id,
                "post_id": post_id,
                "status": status,
                "store": store,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        def _parse_channel_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_id_type_0 = UUID(data)

                return channel_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        channel_id = _parse_channel_id(d.pop("channel_id"))

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        method = d.pop("method")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        order_id = d.pop("order_id")

        def _parse_post_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                post_id_type_0 = UUID(data)

                return post_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        post_id = _parse_post_id(d.pop("post_id"))

        status = d.pop("status")

        store = d.pop("store")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        conversion_read = cls(
            amount=amount,
            channel_id=channel_id,
            code=code,
            created_at=created_at,
            currency=currency,
            id=id,
            method=method,
            occurred_at=occurred_at,
            order_id=order_id,
            post_id=post_id,
            status=status,
            store=store,
            updated_at=updated_at,
        )

        conversion_read.additional_properties = d
        return conversion_read

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
