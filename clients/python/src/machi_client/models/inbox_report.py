from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.inbox_age_bucket import InboxAgeBucket
    from ..models.inbox_day import InboxDay
    from ..models.inbox_row import InboxRow


T = TypeVar("T", bound="InboxReport")


@_attrs_define
class InboxReport:
    """
    Attributes:
        as_of (datetime.datetime): The end of the period, or now if sooner.
        channels (list[InboxRow]):
        days (list[InboxDay]):
        end (datetime.date):
        groups (list[InboxRow]):
        open_by_age (list[InboxAgeBucket]):
        staff (list[InboxRow]):
        start (datetime.date):
        timezone (str):
        totals (InboxRow): Conversations opened in the period, for one staff member, group or channel.
        percentiles (str | Unset):  Default: 'nearest-rank: the value at rank ceil(p/100 x n) of the n sorted times'.
    """

    as_of: datetime.datetime
    channels: list[InboxRow]
    days: list[InboxDay]
    end: datetime.date
    groups: list[InboxRow]
    open_by_age: list[InboxAgeBucket]
    staff: list[InboxRow]
    start: datetime.date
    timezone: str
    totals: InboxRow
    percentiles: str | Unset = (
        "nearest-rank: the value at rank ceil(p/100 x n) of the n sorted times"
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.to_dict()
            channels.append(channels_item)

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        end = self.end.isoformat()

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        open_by_age = []
        for open_by_age_item_data in self.open_by_age:
            open_by_age_item = open_by_age_item_data.to_dict()
            open_by_age.append(open_by_age_item)

        staff = []
        for staff_item_data in self.staff:
            staff_item = staff_item_data.to_dict()
            staff.append(staff_item)

        start = self.start.isoformat()

        timezone = self.timezone

        totals = self.totals.to_dict()

        percentiles = self.percentiles

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "channels": channels,
                "days": days,
                "end": end,
                "groups": groups,
                "open_by_age": open_by_age,
                "staff": staff,
                "start": start,
                "timezone": timezone,
                "totals": totals,
            }
        )
        if percentiles is not UNSET:
            field_dict["percentiles"] = percentiles

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.inbox_age_bucket import InboxAgeBucket
        from ..models.inbox_day import InboxDay
        from ..models.inbox_row import InboxRow

        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        channels = []
        _channels = d.pop("channels")
        for channels_item_data in _channels:
            channels_item = InboxRow.from_dict(channels_item_data)

            channels.append(channels_item)

        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = InboxDay.from_dict(days_item_data)

            days.append(days_item)

        end = datetime.date.fromisoformat(d.pop("end"))

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = InboxRow.from_dict(groups_item_data)

            groups.append(groups_item)

        open_by_age = []
        _open_by_age = d.pop("open_by_age")
        for open_by_age_item_data in _open_by_age:
            open_by_age_item = InboxAgeBucket.from_dict(open_by_age_item_data)

            open_by_age.append(open_by_age_item)

        staff = []
        _staff = d.pop("staff")
        for staff_item_data in _staff:
            staff_item = InboxRow.from_dict(staff_item_data)

            staff.append(staff_item)

        start = datetime.date.fromisoformat(d.pop("start"))

        timezone = d.pop("timezone")

        totals = InboxRow.from_dict(d.pop("totals"))

        percentiles = d.pop("percentiles", UNSET)

        inbox_report = cls(
            as_of=as_of,
            channels=channels,
            days=days,
            end=end,
            groups=groups,
            open_by_age=open_by_age,
            staff=staff,
            start=start,
            timezone=timezone,
            totals=totals,
            percentiles=percentiles,
        )

        inbox_report.additional_properties = d
        return inbox_report

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
