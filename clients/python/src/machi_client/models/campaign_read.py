from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.campaign_read_cadence import CampaignReadCadence
    from ..models.campaign_read_rules import CampaignReadRules
    from ..models.skipped_product import SkippedProduct


T = TypeVar("T", bound="CampaignRead")


@_attrs_define
class CampaignRead:
    """
    Attributes:
        approval (str):
        approved_by (None | str):
        cadence (CampaignReadCadence):
        catch_up (bool):
        channel_ids (list[UUID]):
        created_at (datetime.datetime):
        created_by (str):
        id (UUID):
        language (str):
        made (int): Posts made so far (withdrawn ones not counted)
        name (str):
        placement (str):
        product_ids (list[UUID]):
        rules (CampaignReadRules):
        skipped (list[SkippedProduct]): Products passed over when their turn came, with why (sold out, archived...)
        status (str): draft, submitted, running, paused, finished or cancelled
        steps (int):
        template (str):
        template_id (None | UUID):
        timezone (str):
        updated_at (datetime.datetime):
    """

    approval: str
    approved_by: None | str
    cadence: CampaignReadCadence
    catch_up: bool
    channel_ids: list[UUID]
    created_at: datetime.datetime
    created_by: str
    id: UUID
    language: str
    made: int
    name: str
    placement: str
    product_ids: list[UUID]
    rules: CampaignReadRules
    skipped: list[SkippedProduct]
    status: str
    steps: int
    template: str
    template_id: None | UUID
    timezone: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approval = self.approval

        approved_by: None | str
        approved_by = self.approved_by

        cadence = self.cadence.to_dict()

        catch_up = self.catch_up

        channel_ids = []
        for channel_ids_item_data in self.channel_ids:
            channel_ids_item = str(channel_ids_item_data)
            channel_ids.append(channel_ids_item)

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        id = str(self.id)

        language = self.language

        made = self.made

        name = self.name

        placement = self.placement

        product_ids = []
        for product_ids_item_data in self.product_ids:
            product_ids_item = str(product_ids_item_data)
            product_ids.append(product_ids_item)

        rules = self.rules.to_dict()

        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)

        status = self.status

        steps = self.steps

        template = self.template

        template_id: None | str
        if isinstance(self.template_id, UUID):
            template_id = str(self.template_id)
        else:
            template_id = self.template_id

        timezone = self.timezone

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approval": approval,
                "approved_by": approved_by,
                "cadence": cadence,
                "catch_up": catch_up,
                "channel_ids": channel_ids,
                "created_at": created_at,
                "created_by": created_by,
                "id": id,
                "language": language,
                "made": made,
                "name": name,
                "placement": placement,
                "product_ids": product_ids,
                "rules": rules,
                "skipped": skipped,
                "status": status,
                "steps": steps,
                "template": template,
                "template_id": template_id,
                "timezone": timezone,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.campaign_read_cadence import CampaignReadCadence
        from ..models.campaign_read_rules import CampaignReadRules
        from ..models.skipped_product import SkippedProduct

        d = dict(src_dict)
        approval = d.pop("approval")

        def _parse_approved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_by = _parse_approved_by(d.pop("approved_by"))

        cadence = CampaignReadCadence.from_dict(d.pop("cadence"))

        catch_up = d.pop("catch_up")

        channel_ids = []
        _channel_ids = d.pop("channel_ids")
        for channel_ids_item_data in _channel_ids:
            channel_ids_item = UUID(channel_ids_item_data)

            channel_ids.append(channel_ids_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        id = UUID(d.pop("id"))

        language = d.pop("language")

        made = d.pop("made")

        name = d.pop("name")

        placement = d.pop("placement")

        product_ids = []
        _product_ids = d.pop("product_ids")
        for product_ids_item_data in _product_ids:
            product_ids_item = UUID(product_ids_item_data)

            product_ids.append(product_ids_item)

        rules = CampaignReadRules.from_dict(d.pop("rules"))

        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in _skipped:
            skipped_item = SkippedProduct.from_dict(skipped_item_data)

            skipped.append(skipped_item)

        status = d.pop("status")

        steps = d.pop("steps")

        template = d.pop("template")

        def _parse_template_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                template_id_type_0 = UUID(data)

                return template_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        template_id = _parse_template_id(d.pop("template_id"))

        timezone = d.pop("timezone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        campaign_read = cls(
            approval=approval,
            approved_by=approved_by,
            cadence=cadence,
            catch_up=catch_up,
            channel_ids=channel_ids,
            created_at=created_at,
            created_by=created_by,
            id=id,
            language=language,
            made=made,
            name=name,
            placement=placement,
            product_ids=product_ids,
            rules=rules,
            skipped=skipped,
            status=status,
            steps=steps,
            template=template,
            template_id=template_id,
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
