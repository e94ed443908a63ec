from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.channel_kind_approval_policy import ChannelKindApprovalPolicy
from ..models.channel_kind_owner_kind import ChannelKindOwnerKind
from ..models.channel_kind_platform import ChannelKindPlatform
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.weekly_slot import WeeklySlot


T = TypeVar("T", bound="ChannelKind")


@_attrs_define
class ChannelKind:
    """A channel without its account: what a partner connects, with its policy and slots.

    Attributes:
        name (str):
        platform (ChannelKindPlatform):
        approval_policy (ChannelKindApprovalPolicy | Unset):  Default: ChannelKindApprovalPolicy.EDITOR.
        owner_kind (ChannelKindOwnerKind | Unset):  Default: ChannelKindOwnerKind.TOWN.
        slots (list[WeeklySlot] | Unset):
    """

    name: str
    platform: ChannelKindPlatform
    approval_policy: ChannelKindApprovalPolicy | Unset = (
        ChannelKindApprovalPolicy.EDITOR
    )
    owner_kind: ChannelKindOwnerKind | Unset = ChannelKindOwnerKind.TOWN
    slots: list[WeeklySlot] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        platform = self.platform.value

        approval_policy: str | Unset = UNSET
        if not isinstance(self.approval_policy, Unset):
            approval_policy = self.approval_policy.value

        owner_kind: str | Unset = UNSET
        if not isinstance(self.owner_kind, Unset):
            owner_kind = self.owner_kind.value

        slots: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.slots, Unset):
            slots = []
            for slots_item_data in self.slots:
                slots_item = slots_item_data.to_dict()
                slots.append(slots_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "platform": platform,
            }
        )
        if approval_policy is not UNSET:
            field_dict["approval_policy"] = approval_policy
        if owner_kind is not UNSET:
            field_dict["owner_kind"] = owner_kind
        if slots is not UNSET:
            field_dict["slots"] = slots

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.weekly_slot import WeeklySlot

        d = dict(src_dict)
        name = d.pop("name")

        platform = ChannelKindPlatform(d.pop("platform"))

        _approval_policy = d.pop("approval_policy", UNSET)
        approval_policy: ChannelKindApprovalPolicy | Unset
        if isinstance(_approval_policy, Unset):
            approval_policy = UNSET
        else:
            approval_policy = ChannelKindApprovalPolicy(_approval_policy)

        _owner_kind = d.pop("owner_kind", UNSET)
        owner_kind: ChannelKindOwnerKind | Unset
        if isinstance(_owner_kind, Unset):
            owner_kind = UNSET
        else:
            owner_kind = ChannelKindOwnerKind(_owner_kind)

        _slots = d.pop("slots", UNSET)
        slots: list[WeeklySlot] | Unset = UNSET
        if _slots is not UNSET:
            slots = []
            for slots_item_data in _slots:
                slots_item = WeeklySlot.from_dict(slots_item_data)

                slots.append(slots_item)

        channel_kind = cls(
            name=name,
            platform=platform,
            approval_policy=approval_policy,
            owner_kind=owner_kind,
            slots=slots,
        )

        return channel_kind
