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

if TYPE_CHECKING:
    from ..models.post_approved_v1 import PostApprovedV1


T = TypeVar("T", bound="PostApprovedWebhook")


@_attrs_define
class PostApprovedWebhook:
    """An editor approved a post.

    Attributes:
        data (PostApprovedV1):
        timestamp (datetime.datetime): When the event happened.
        type_ (Literal['post.approved']):
    """

    data: PostApprovedV1
    timestamp: datetime.datetime
    type_: Literal["post.approved"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        timestamp = self.timestamp.isoformat()

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "timestamp": timestamp,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.post_approved_v1 import PostApprovedV1

        d = dict(src_dict)
        data = PostApprovedV1.from_dict(d.pop("data"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        type_ = cast(Literal["post.approved"], d.pop("type"))
        if type_ != "post.approved":
            raise ValueError(f"type must match const 'post.approved', got '{type_}'")

        post_approved_webhook = cls(
            data=data,
            timestamp=timestamp,
            type_=type_,
        )

        post_approved_webhook.additional_properties = d
        return post_approved_webhook

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
