from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.campaign_read_cadence import CampaignReadCadence


T = TypeVar("T", bound="CampaignRead")


@_attrs_define
class CampaignRead:
    """
    Attributes:
        cadence (CampaignReadCadence):
        channel_ids (list[UUID]):
        created_at (datetime.datetime):
        created_by (str):
        id (UUID):
        language (str):
        name (str):
        product_ids (list[UUID]):
        template (str):
        timezone (str):
        updated_at (datetime.datetime):
    """

    cadence: CampaignReadCadence
    channel_ids: list[UUID]
    created_at: datetime.datetime
    created_by: str
    id: UUID
    language: str
    name: str
    product_ids: list[UUID]
    template: str
    timezone: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cadence = self.cadence.to_dict()

        channel_ids = []
        for channel_ids_item_data in self.channel_ids:
            channel_ids_item = str(channel_ids_item_data)
            channel_ids.append(channel_ids_item)

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        id = str(self.id)

        language = self.language

        name = self.name

        product_ids = []
        for product_ids_item_data in self.product_ids:
            product_ids_item = str(product_ids_item_data)
            product_ids.append(product_ids_item)

        template = self.template

        timezone = self.timezone

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cadence": cadence,
                "channel_ids": channel_ids,
                "created_at": created_at,
                "created_by": created_by,
                "id": id,
                "language": language,
                "name": name,
                "product_ids": product_ids,
                "template": template,
                "timezone": timezone,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.campaign_read_cadence import CampaignReadCadence

        d = dict(src_dict)
        cadence = CampaignReadCadence.from_dict(d.pop("cadence"))

        channel_ids = []
        _channel_ids = d.pop("channel_ids")
        for channel_ids_item_data in _channel_ids:
            channel_ids_item = UUID(channel_ids_item_data)

            channel_ids.append(channel_ids_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        id = UUID(d.pop("id"))

        language = d.pop("language")

        name = d.pop("name")

        product_ids = []
        _product_ids = d.pop("product_ids")
        for product_ids_item_data in _product_ids:
            product_ids_item = UUID(product_ids_item_data)

            product_ids.append(product_ids_item)

        template = d.pop("template")

        timezone = d.pop("timezone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        campaign_read = cls(
            cadence=cadence,
            channel_ids=channel_ids,
            created_at=created_at,
            created_by=created_by,
            id=id,
            language=language,
            name=name,
            product_ids=product_ids,
            template=template,
            timezone=timezone,
            updated_at=updated_at,
        )

        campaign_read.additional_properties = d
        return campaign_read

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
