from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.rules_order import RulesOrder
from ..types import UNSET, Unset

T = TypeVar("T", bound="Rules")


@_attrs_define
class Rules:
    """Which products a campaign picks, re-read when each of its posts is made.

    Attributes:
        category (None | str | Unset): A category's slug
        in_season (bool | Unset): In its season months and sale window now Default: False.
        in_stock (bool | Unset): Pass over a product that has sold out Default: True.
        not_featured_days (int | None | Unset): Not published about in the last N days
        order (RulesOrder | Unset):  Default: RulesOrder.NEWEST.
        producer_id (None | Unset | UUID):
    """

    category: None | str | Unset = UNSET
    in_season: bool | Unset = False
    in_stock: bool | Unset = True
    not_featured_days: int | None | Unset = UNSET
    order: RulesOrder | Unset = RulesOrder.NEWEST
    producer_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        in_season = self.in_season

        in_stock = self.in_stock

        not_featured_days: int | None | Unset
        if isinstance(self.not_featured_days, Unset):
            not_featured_days = UNSET
        else:
            not_featured_days = self.not_featured_days

        order: str | Unset = UNSET
        if not isinstance(self.order, Unset):
            order = self.order.value

        producer_id: None | str | Unset
        if isinstance(self.producer_id, Unset):
            producer_id = UNSET
        elif isinstance(self.producer_id, UUID):
            producer_id = str(self.producer_id)
        else:
            producer_id = self.producer_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if category is not UNSET:
            field_dict["category"] = category
        if in_season is not UNSET:
            field_dict["in_season"] = in_season
        if in_stock is not UNSET:
            field_dict["in_stock"] = in_stock
        if not_featured_days is not UNSET:
            field_dict["not_featured_days"] = not_featured_days
        if order is not UNSET:
            field_dict["order"] = order
        if producer_id is not UNSET:
            field_dict["producer_id"] = producer_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        in_season = d.pop("in_season", UNSET)

        in_stock = d.pop("in_stock", UNSET)

        def _parse_not_featured_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        not_featured_days = _parse_not_featured_days(d.pop("not_featured_days", UNSET))

        _order = d.pop("order", UNSET)
        order: RulesOrder | Unset
        if isinstance(_order, Unset):
            order = UNSET
        else:
            order = RulesOrder(_order)

        def _parse_producer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                producer_id_type_0 = UUID(data)

                return producer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        producer_id = _parse_producer_id(d.pop("producer_id", UNSET))

        rules = cls(
            category=category,
            in_season=in_season,
            in_stock=in_stock,
            not_featured_days=not_featured_days,
            order=order,
            producer_id=producer_id,
        )

        return rules
