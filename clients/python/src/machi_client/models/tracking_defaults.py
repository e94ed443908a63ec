from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TrackingDefaults")


@_attrs_define
class TrackingDefaults:
    """What a partner town may copy; store domains, secrets and the timezone are its own.

    Attributes:
        attribution_window_days (int | Unset):  Default: 30.
        track_referrer (bool | Unset):  Default: True.
        track_user_agent (bool | Unset):  Default: True.
        tracking_enabled (bool | Unset):  Default: True.
    """

    attribution_window_days: int | Unset = 30
    track_referrer: bool | Unset = True
    track_user_agent: bool | Unset = True
    tracking_enabled: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        attribution_window_days = self.attribution_window_days

        track_referrer = self.track_referrer

        track_user_agent = self.track_user_agent

        tracking_enabled = self.tracking_enabled

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if attribution_window_days is not UNSET:
            field_dict["attribution_window_days"] = attribution_window_days
        if track_referrer is not UNSET:
            field_dict["track_referrer"] = track_referrer
        if track_user_agent is not UNSET:
            field_dict["track_user_agent"] = track_user_agent
        if tracking_enabled is not UNSET:
            field_dict["tracking_enabled"] = tracking_enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        attribution_window_days = d.pop("attribution_window_days", UNSET)

        track_referrer = d.pop("track_referrer", UNSET)

        track_user_agent = d.pop("track_user_agent", UNSET)

        tracking_enabled = d.pop("tracking_enabled", UNSET)

        tracking_defaults = cls(
            attribution_window_days=attribution_window_days,
            track_referrer=track_referrer,
            track_user_agent=track_user_agent,
            tracking_enabled=tracking_enabled,
        )

        return tracking_defaults
