from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AnalyticsUsage")


@_attrs_define
class AnalyticsUsage:
    """
    Attributes:
        active_products (int):
        api_calls (int | None):
        deliveries_published (int):
        month (str):
        posts_published (int):
        tracked_clicks (int):
    """

    active_products: int
    api_calls: int | None
    deliveries_published: int
    month: str
    posts_published: int
    tracked_clicks: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_products = self.active_products

        api_calls: int | None
        api_calls = self.api_calls

        deliveries_published = self.deliveries_published

        month = self.month

        posts_published = self.posts_published

        tracked_clicks = self.tracked_clicks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_products": active_products,
                "api_calls": api_calls,
                "deliveries_published": deliveries_published,
                "month": month,
                "posts_published": posts_published,
                "tracked_clicks": tracked_clicks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        active_products = d.pop("active_products")

        def _parse_api_calls(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        api_calls = _parse_api_calls(d.pop("api_calls"))

        deliveries_published = d.pop("deliveries_published")

        month = d.pop("month")

        posts_published = d.pop("posts_published")

        tracked_clicks = d.pop("tracked_clicks")

        analytics_usage = cls(
            active_products=active_products,
            api_calls=api_calls,
            deliveries_published=deliveries_published,
            month=month,
            posts_published=posts_published,
            tracked_clicks=tracked_clicks,
        )

        analytics_usage.additional_properties = d
        return analytics_usage

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
