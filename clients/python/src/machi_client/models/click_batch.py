from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.edge_click import EdgeClick


T = TypeVar("T", bound="ClickBatch")


@_attrs_define
class ClickBatch:
    """
    Attributes:
        clicks (list[EdgeClick]):
    """

    clicks: list[EdgeClick]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clicks = []
        for clicks_item_data in self.clicks:
            clicks_item = clicks_item_data.to_dict()
            clicks.append(clicks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clicks": clicks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.edge_click import EdgeClick

        d = dict(src_dict)
        clicks = []
        _clicks = d.pop("clicks")
        for clicks_item_data in _clicks:
            clicks_item = EdgeClick.from_dict(clicks_item_data)

            clicks.append(clicks_item)

        click_batch = cls(
            clicks=clicks,
        )

        click_batch.additional_properties = d
        return click_batch

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
