from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConversationCounts")


@_attrs_define
class ConversationCounts:
    """Open conversations the caller would answer: for the console's menu, in one call.

    Attributes:
        open_mine (int): Open and assigned to the caller.
        open_unassigned (int): Open and given to nobody: no assignee, no group.
        awaiting_approval (int | Unset): Public replies waiting for an editor (counted for editors and admins). Default:
            0.
        open_my_groups (int | Unset): Open and given to one of the caller's groups. Default: 0.
    """

    open_mine: int
    open_unassigned: int
    awaiting_approval: int | Unset = 0
    open_my_groups: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_mine = self.open_mine

        open_unassigned = self.open_unassigned

        awaiting_approval = self.awaiting_approval

        open_my_groups = self.open_my_groups

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open_mine": open_mine,
                "open_unassigned": open_unassigned,
            }
        )
        if awaiting_approval is not UNSET:
            field_dict["awaiting_approval"] = awaiting_approval
        if open_my_groups is not UNSET:
            field_dict["open_my_groups"] = open_my_groups

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        open_mine = d.pop("open_mine")

        open_unassigned = d.pop("open_unassigned")

        awaiting_approval = d.pop("awaiting_approval", UNSET)

        open_my_groups = d.pop("open_my_groups", UNSET)

        conversation_counts = cls(
            open_mine=open_mine,
            open_unassigned=open_unassigned,
            awaiting_approval=awaiting_approval,
            open_my_groups=open_my_groups,
        )

        conversation_counts.additional_properties = d
        return conversation_counts

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
