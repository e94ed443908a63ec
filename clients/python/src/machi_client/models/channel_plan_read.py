from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.channel_plan_read_approval_policy import ChannelPlanReadApprovalPolicy
from ..models.channel_plan_read_owner_kind import ChannelPlanReadOwnerKind
from ..models.channel_plan_read_platform import ChannelPlanReadPlatform
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.weekly_slot import WeeklySlot


T = TypeVar("T", bound="ChannelPlanRead")


@_attrs_define
class ChannelPlanRead:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        name (str):
        platform (ChannelPlanReadPlatform):
        updated_at (datetime.datetime):
        approval_policy (ChannelPlanReadApprovalPolicy | Unset):  Default: ChannelPlanReadApprovalPolicy.EDITOR.
        owner_kind (ChannelPlanReadOwnerKind | Unset):  Default: ChannelPlanReadOwnerKind.TOWN.
        slots (list[WeeklySlot] | Unset):
    """

    created_at: datetime.datetime
    id: UUID
    name: str
    platform: ChannelPlanReadPlatform
    updated_at: datetime.datetime
    approval_policy: ChannelPlanReadApprovalPolicy | Unset = (
        ChannelPlanReadApprovalPolicy.EDITOR
    )
    owner_kind: ChannelPlanReadOwnerKind | Unset = ChannelPlanReadOwnerKind.TOWN
    slots: list[WeeklySlot] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        name = self.name

        platform = self.platform.value

        updated_at = self.updated_at.isoformat()

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
                "created_at": created_at,
                "id": id,
                "name": name,
                "platform": platform,
                "updated_at": updated_at,
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
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        platform = ChannelPlanReadPlatform(d.pop("platform"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        _approval_policy = d.pop("approval_policy", UNSET)
        approval_policy: ChannelPlanReadApprovalPolicy | Unset
        if isinstance(_approval_policy, Unset):
            approval_policy = UNSET
        else:
            approval_policy = ChannelPlanReadApprovalPolicy(_approval_policy)

        _owner_kind = d.pop("owner_kind", UNSET)
        owner_kind: ChannelPlanReadOwnerKind | Unset
        if isinstance(_owner_kind, Unset):
            owner_kind = UNSET
        else:
            owner_kind = ChannelPlanReadOwnerKind(_owner_kind)

        _slots = d.pop("slots", UNSET)
        slots: list[WeeklySlot] | Unset = UNSET
        if _slots is not UNSET:
            slots = []
            for slots_item_data in _slots:
                slots_item = WeeklySlot.from_dict(slots_item_data)

                slots.append(slots_item)

        channel_plan_read = cls(
            created_at=created_at,
            id=id,
            name=name,
            platform=platform,
            updated_at=updated_at,
            approval_policy=approval_policy,
            owner_kind=owner_kind,
            slots=slots,
        )

        return channel_plan_read
