from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PublisherPlaybookApplied")


@_attrs_define
class PublisherPlaybookApplied:
    """
    Attributes:
        channel_plans_created (int):
        channel_plans_updated (int):
        templates_created (int):
        templates_kept (int):
    """

    channel_plans_created: int
    channel_plans_updated: int
    templates_created: int
    templates_kept: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel_plans_created = self.channel_plans_created

        channel_plans_updated = self.channel_plans_updated

        templates_created = self.templates_created

        templates_kept = self.templates_kept

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel_plans_created": channel_plans_created,
                "channel_plans_updated": channel_plans_updated,
                "templates_created": templates_created,
                "templates_kept": templates_kept,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        channel_plans_created = d.pop("channel_plans_created")

        channel_plans_updated = d.pop("channel_plans_updated")

        templates_created = d.pop("templates_created")

        templates_kept = d.pop("templates_kept")

        publisher_playbook_applied = cls(
            channel_plans_created=channel_plans_created,
            channel_plans_updated=channel_plans_updated,
            templates_created=templates_created,
            templates_kept=templates_kept,
        )

        publisher_playbook_applied.additional_properties = d
        return publisher_playbook_applied

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
