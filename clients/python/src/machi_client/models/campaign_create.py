from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cadence import Cadence


T = TypeVar("T", bound="CampaignCreate")


@_attrs_define
class CampaignCreate:
    """
    Attributes:
        cadence (Cadence): One product every `every_days` days at `time` local, from `start_date`.
        channel_ids (list[UUID]):
        name (str):
        product_ids (list[UUID]):
        template (str): Fields: {name} {producer} {price} {story} {slug}; {link} marks the link.
        catch_up (bool | Unset): Accept a start that has passed: the posts planned in the past go out as soon as they
            are approved. Without it such a campaign is refused (422). Default: False.
        language (None | str | Unset):
        timezone (None | str | Unset):
    """

    cadence: Cadence
    channel_ids: list[UUID]
    name: str
    product_ids: list[UUID]
    template: str
    catch_up: bool | Unset = False
    language: None | str | Unset = UNSET
    timezone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cadence = self.cadence.to_dict()

        channel_ids = []
        for channel_ids_item_data in self.channel_ids:
            channel_ids_item = str(channel_ids_item_data)
            channel_ids.append(channel_ids_item)

        name = self.name

        product_ids = []
        for product_ids_item_data in self.product_ids:
            product_ids_item = str(product_ids_item_data)
            product_ids.append(product_ids_item)

        template = self.template

        catch_up = self.catch_up

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cadence": cadence,
                "channel_ids": channel_ids,
                "name": name,
                "product_ids": product_ids,
                "template": template,
            }
        )
        if catch_up is not UNSET:
            field_dict["catch_up"] = catch_up
        if language is not UNSET:
            field_dict["language"] = language
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cadence import Cadence

        d = dict(src_dict)
        cadence = Cadence.from_dict(d.pop("cadence"))

        channel_ids = []
        _channel_ids = d.pop("channel_ids")
        for channel_ids_item_data in _channel_ids:
            channel_ids_item = UUID(channel_ids_item_data)

            channel_ids.append(channel_ids_item)

        name = d.pop("name")

        product_ids = []
        _product_ids = d.pop("product_ids")
        for product_ids_item_data in _product_ids:
            product_ids_item = UUID(product_ids_item_data)

            product_ids.append(product_ids_item)

        template = d.pop("template")

        catch_up = d.pop("catch_up", UNSET)

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        campaign_create = cls(
            cadence=cadence,
            channel_ids=channel_ids,
            name=name,
            product_ids=product_ids,
            template=template,
            catch_up=catch_up,
            language=language,
            timezone=timezone,
        )

        campaign_create.additional_properties = d
        return campaign_create

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
