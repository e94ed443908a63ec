from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.overview_change import OverviewChange
    from ..models.period_metrics import PeriodMetrics


T = TypeVar("T", bound="Overview")


@_attrs_define
class Overview:
    """
    Attributes:
        change (OverviewChange):
        current (PeriodMetrics):
        previous (PeriodMetrics):
    """

    change: OverviewChange
    current: PeriodMetrics
    previous: PeriodMetrics
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        change = self.change.to_dict()

        current = self.current.to_dict()

        previous = self.previous.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "change": change,
                "current": current,
                "previous": previous,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.overview_change import OverviewChange
        from ..models.period_metrics import PeriodMetrics

        d = dict(src_dict)
        change = OverviewChange.from_dict(d.pop("change"))

        current = PeriodMetrics.from_dict(d.pop("current"))

        previous = PeriodMetrics.from_dict(d.pop("previous"))

        overview = cls(
            change=change,
            current=current,
            previous=previous,
        )

        overview.additional_properties = d
        return overview

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
