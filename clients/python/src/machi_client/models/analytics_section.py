from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tracking_defaults import TrackingDefaults


T = TypeVar("T", bound="AnalyticsSection")


@_attrs_define
class AnalyticsSection:
    """
    Attributes:
        tracking (TrackingDefaults | Unset): What a partner town may copy; store domains, secrets and the timezone are
            its own.
        version (int | Unset):  Default: 1.
    """

    tracking: TrackingDefaults | Unset = UNSET
    version: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        tracking: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tracking, Unset):
            tracking = self.tracking.to_dict()

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if tracking is not UNSET:
            field_dict["tracking"] = tracking
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tracking_defaults import TrackingDefaults

        d = dict(src_dict)
        _tracking = d.pop("tracking", UNSET)
        tracking: TrackingDefaults | Unset
        if isinstance(_tracking, Unset):
            tracking = UNSET
        else:
            tracking = TrackingDefaults.from_dict(_tracking)

        version = d.pop("version", UNSET)

        analytics_section = cls(
            tracking=tracking,
            version=version,
        )

        return analytics_section
