from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Metrics")


@_attrs_define
class Metrics:
    """
    Attributes:
        bot_clicks (int | Unset):  Default: 0.
        clicks (int | Unset):  Default: 0.
        conversion_rate (float | Unset):  Default: 0.0.
        orders (int | Unset):  Default: 0.
        revenue (int | Unset):  Default: 0.
        visitors (int | Unset):  Default: 0.
    """

    bot_clicks: int | Unset = 0
    clicks: int | Unset = 0
    conversion_rate: float | Unset = 0.0
    orders: int | Unset = 0
    revenue: int | Unset = 0
    visitors: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bot_clicks = self.bot_clicks

        clicks = self.clicks

        conversion_rate = self.conversion_rate

        orders = self.orders

        revenue = self.revenue

        visitors = self.visitors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if bot_clicks is not UNSET:
            field_dict["bot_clicks"] = bot_clicks
        if clicks is not UNSET:
            field_dict["clicks"] = clicks
        if conversion_rate is not UNSET:
            field_dict["conversion_rate"] = conversion_rate
        if orders is not UNSET:
            field_dict["orders"] = orders
        if revenue is not UNSET:
            field_dict["revenue"] = revenue
        if visitors is not UNSET:
            field_dict["visitors"] = visitors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bot_clicks = d.pop("bot_clicks", UNSET)

        clicks = d.pop("clicks", UNSET)

        conversion_rate = d.pop("conversion_rate", UNSET)

        orders = d.pop("orders", UNSET)

        revenue = d.pop("revenue", UNSET)

        visitors = d.pop("visitors", UNSET)

        metrics = cls(
            bot_clicks=bot_clicks,
            clicks=clicks,
            conversion_rate=conversion_rate,
            orders=orders,
            revenue=revenue,
            visitors=visitors,
        )

        metrics.additional_properties = d
        return metrics

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
