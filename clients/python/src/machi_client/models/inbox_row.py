from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.inbox_times import InboxTimes


T = TypeVar("T", bound="InboxRow")


@_attrs_define
class InboxRow:
    """Conversations opened in the period, for one staff member, group or channel.

    Attributes:
        answered (int): Those with a staff reply that reached the platform.
        conversations (int):
        first_response (InboxTimes): Seconds; None when no conversation of the row has the milestone.
        key (None | str): The staff member's user id, the group id or the channel id; null: unassigned (staff) or in no
            group (groups).
        resolution (InboxTimes): Seconds; None when no conversation of the row has the milestone.
        resolved (int): Those closed now.
        platform (None | str | Unset):
    """

    answered: int
    conversations: int
    first_response: InboxTimes
    key: None | str
    resolution: InboxTimes
    resolved: int
    platform: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answered = self.answered

        conversations = self.conversations

        first_response = self.first_response.to_dict()

        key: None | str
        key = self.key

        resolution = self.resolution.to_dict()

        resolved = self.resolved

        platform: None | str | Unset
        if isinstance(self.platform, Unset):
            platform = UNSET
        else:
            platform = self.platform

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answered": answered,
                "conversations": conversations,
                "first_response": first_response,
                "key": key,
                "resolution": resolution,
                "resolved": resolved,
            }
        )
        if platform is not UNSET:
            field_dict["platform"] = platform

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.inbox_times import InboxTimes

        d = dict(src_dict)
        answered = d.pop("answered")

        conversations = d.pop("conversations")

        first_response = InboxTimes.from_dict(d.pop("first_response"))

        def _parse_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key = _parse_key(d.pop("key"))

        resolution = InboxTimes.from_dict(d.pop("resolution"))

        resolved = d.pop("resolved")

        def _parse_platform(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        platform = _parse_platform(d.pop("platform", UNSET))

        inbox_row = cls(
            answered=answered,
            conversations=conversations,
            first_response=first_response,
            key=key,
            resolution=resolution,
            resolved=resolved,
            platform=platform,
        )

        inbox_row.additional_properties = d
        return inbox_row

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
