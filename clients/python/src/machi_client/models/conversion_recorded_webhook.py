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
    from ..models.conversion_recorded_v1 import ConversionRecordedV1


T = TypeVar("T", bound="ConversionRecordedWebhook")


@_attrs_define
class ConversionRecordedWebhook:
    """A store order was recorded and attributed to a tracked link.

    Attributes:
        data (ConversionRecordedV1):
        timestamp (datetime.datetime): When the event happened.
        type_ (Literal['conversion.recorded']):
    """

    data: ConversionRecordedV1
    timestamp: datetime.datetime
    type_: Literal["conversion.recorded"]
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
        from ..models.conversion_recorded_v1 import ConversionRecordedV1

        d = dict(src_dict)
        data = ConversionRecordedV1.from_dict(d.pop("data"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        type_ = cast(Literal["conversion.recorded"], d.pop("type"))
        if type_ != "conversion.recorded":
            raise ValueError(
                f"type must match const 'conversion.recorded', got '{type_}'"
            )

        conversion_recorded_webhook = cls(
            data=data,
            timestamp=timestamp,
            type_=type_,
        )

        conversion_recorded_webhook.additional_properties = d
        return conversion_recorded_webhook

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
