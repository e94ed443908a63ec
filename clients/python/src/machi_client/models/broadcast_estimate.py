from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BroadcastEstimate")


@_attrs_define
class BroadcastEstimate:
    """A LINE broadcast's cost: every friend reached counts as one message (reference 4.5).

    Attributes:
        fits (bool):
        followers (int):
        messages (int):
        monthly_quota (int | None): None: no monthly limit.
        remaining (int | None):
        targeted_reaches (int):
        used_this_month (int):
    """

    fits: bool
    followers: int
    messages: int
    monthly_quota: int | None
    remaining: int | None
    targeted_reaches: int
    used_this_month: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fits = self.fits

        followers = self.followers

        messages = self.messages

        monthly_quota: int | None
        monthly_quota = self.monthly_quota

        remaining: int | None
        remaining = self.remaining

        targeted_reaches = self.targeted_reaches

        used_this_month = self.used_this_month

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fits": fits,
                "followers": followers,
                "messages": messages,
                "monthly_quota": monthly_quota,
                "remaining": remaining,
                "targeted_reaches": targeted_reaches,
                "used_this_month": used_this_month,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        fits = d.pop("fits")

        followers = d.pop("followers")

        messages = d.pop("messages")

        def _parse_monthly_quota(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        monthly_quota = _parse_monthly_quota(d.pop("monthly_quota"))

        def _parse_remaining(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        remaining = _parse_remaining(d.pop("remaining"))

        targeted_reaches = d.pop("targeted_reaches")

        used_this_month = d.pop("used_this_month")

        broadcast_estimate = cls(
            fits=fits,
            followers=followers,
            messages=messages,
            monthly_quota=monthly_quota,
            remaining=remaining,
            targeted_reaches=targeted_reaches,
            used_this_month=used_this_month,
        )

        broadcast_estimate.additional_properties = d
        return broadcast_estimate

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
