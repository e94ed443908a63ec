from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DimensionRow")


@_attrs_define
class DimensionRow:
    """
    Attributes:
        clicks (int):
        conversion_rate (float):
        key (str):
        orders (int):
        revenue (int):
        visitors (int):
        permalinks (list[str] | Unset):
        platform (None | str | Unset):
    """

    clicks: int
    conversion_rate: float
    key: str
    orders: int
    revenue: int
    visitors: int
    permalinks: list[str] | Unset = UNSET
    platform: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clicks = self.clicks

        conversion_rate = self.conversion_rate

        key = self.key

        orders = self.orders

        revenue = self.revenue

        visitors = self.visitors

        permalinks: list[str] | Unset = UNSET
        if not isinstance(self.permalinks, Unset):
            permalinks = self.permalinks

        platform: None | str | Unset
        if isinstance(self.platform, Unset):
            platform = UNSET
        else:
            platform = self.platform

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clicks": clicks,
                "conversion_rate": conversion_rate,
                "key": key,
                "orders": orders,
                "revenue": revenue,
                "visitors": visitors,
            }
        )
        if permalinks is not UNSET:
            field_dict["permalinks"] = permalinks
        if platform is not UNSET:
            field_dict["platform"] = platform

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        clicks = d.pop("clicks")

        conversion_rate = d.pop("conversion_rate")

        key = d.pop("key")

        orders = d.pop("orders")

        revenue = d.pop("revenue")

        visitors = d.pop("visitors")

        permalinks = cast(list[str], d.pop("permalinks", UNSET))

        def _parse_platform(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        platform = _parse_platform(d.pop("platform", UNSET))

        dimension_row = cls(
            clicks=clicks,
            conversion_rate=conversion_rate,
            key=key,
            orders=orders,
            revenue=revenue,
            visitors=visitors,
            permalinks=permalinks,
            platform=platform,
        )

        dimension_row.additional_properties = d
        return dimension_row

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
