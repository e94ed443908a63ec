from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PeriodMetrics")


@_attrs_define
class PeriodMetrics:
    """
    Attributes:
        end (datetime.date):
        start (datetime.date):
        bot_clicks (int | Unset):  Default: 0.
        clicks (int | Unset):  Default: 0.
        conversion_rate (float | Unset):  Default: 0.0.
        followers (int | None | Unset):
        growth (int | None | Unset):
        orders (int | Unset):  Default: 0.
        revenue (int | Unset):  Default: 0.
        share_of_population (float | None | Unset):
        staff_followers (int | None | Unset):
        visitors (int | Unset):  Default: 0.
    """

    end: datetime.date
    start: datetime.date
    bot_clicks: int | Unset = 0
    clicks: int | Unset = 0
    conversion_rate: float | Unset = 0.0
    followers: int | None | Unset = UNSET
    growth: int | None | Unset = UNSET
    orders: int | Unset = 0
    revenue: int | Unset = 0
    share_of_population: float | None | Unset = UNSET
    staff_followers: int | None | Unset = UNSET
    visitors: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        end = self.end.isoformat()

        start = self.start.isoformat()

        bot_clicks = self.bot_clicks

        clicks = self.clicks

        conversion_rate = self.conversion_rate

        followers: int | None | Unset
        if isinstance(self.followers, Unset):
            followers = UNSET
        else:
            followers = self.followers

        growth: int | None | Unset
        if isinstance(self.growth, Unset):
            growth = UNSET
        else:
            growth = self.growth

        orders = self.orders

        revenue = self.revenue

        share_of_population: float | None | Unset
        if isinstance(self.share_of_population, Unset):
            share_of_population = UNSET
        else:
            share_of_population = self.share_of_population

        staff_followers: int | None | Unset
        if isinstance(self.staff_followers, Unset):
            staff_followers = UNSET
        else:
            staff_followers = self.staff_followers

        visitors = self.visitors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "end": end,
                "start": start,
            }
        )
        if bot_clicks is not UNSET:
            field_dict["bot_clicks"] = bot_clicks
        if clicks is not UNSET:
            field_dict["clicks"] = clicks
        if conversion_rate is not UNSET:
            field_dict["conversion_rate"] = conversion_rate
        if followers is not UNSET:
            field_dict["followers"] = followers
        if growth is not UNSET:
            field_dict["growth"] = growth
        if orders is not UNSET:
            field_dict["orders"] = orders
        if revenue is not UNSET:
            field_dict["revenue"] = revenue
        if share_of_population is not UNSET:
            field_dict["share_of_population"] = share_of_population
        if staff_followers is not UNSET:
            field_dict["staff_followers"] = staff_followers
        if visitors is not UNSET:
            field_dict["visitors"] = visitors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        end = datetime.date.fromisoformat(d.pop("end"))

        start = datetime.date.fromisoformat(d.pop("start"))

        bot_clicks = d.pop("bot_clicks", UNSET)

        clicks = d.pop("clicks", UNSET)

        conversion_rate = d.pop("conversion_rate", UNSET)

        def _parse_followers(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        followers = _parse_followers(d.pop("followers", UNSET))

        def _parse_growth(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        growth = _parse_growth(d.pop("growth", UNSET))

        orders = d.pop("orders", UNSET)

        revenue = d.pop("revenue", UNSET)

        def _parse_share_of_population(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        share_of_population = _parse_share_of_population(
            d.pop("share_of_population", UNSET)
        )

        def _parse_staff_followers(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        staff_followers = _parse_staff_followers(d.pop("staff_followers", UNSET))

        visitors = d.pop("visitors", UNSET)

        period_metrics = cls(
            end=end,
            start=start,
            bot_clicks=bot_clicks,
            clicks=clicks,
            conversion_rate=conversion_rate,
            followers=followers,
            growth=growth,
            orders=orders,
            revenue=revenue,
            share_of_population=share_of_population,
            staff_followers=staff_followers,
            visitors=visitors,
        )

        period_metrics.additional_properties = d
        return period_metrics

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
