from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.snapshot_read_object_kind import SnapshotReadObjectKind
from ..models.snapshot_read_owner_kind import SnapshotReadOwnerKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="SnapshotRead")


@_attrs_define
class SnapshotRead:
    """
    Attributes:
        api_version (str):
        channel_id (UUID):
        id (UUID):
        metric (str):
        object_id (str):
        object_kind (SnapshotReadObjectKind):
        platform (str):
        taken_at (datetime.datetime):
        value (int):
        owner_kind (SnapshotReadOwnerKind | Unset):  Default: SnapshotReadOwnerKind.TOWN.
    """

    api_version: str
    channel_id: UUID
    id: UUID
    metric: str
    object_id: str
    object_kind: SnapshotReadObjectKind
    platform: str
    taken_at: datetime.datetime
    value: int
    owner_kind: SnapshotReadOwnerKind | Unset = SnapshotReadOwnerKind.TOWN
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_version = self.api_version

        channel_id = str(self.channel_id)

        id = str(self.id)

        metric = self.metric

        object_id = self.object_id

        object_kind = self.object_kind.value

        platform = self.platform

        taken_at = self.taken_at.isoformat()

        value = self.value

        owner_kind: str | Unset = UNSET
        if not isinstance(self.owner_kind, Unset):
            owner_kind = self.owner_kind.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_version": api_version,
                "channel_id": channel_id,
                "id": id,
                "metric": metric,
                "object_id": object_id,
                "object_kind": object_kind,
                "platform": platform,
                "taken_at": taken_at,
                "value": value,
            }
        )
        if owner_kind is not UNSET:
            field_dict["owner_kind"] = owner_kind

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        api_version = d.pop("api_version")

        channel_id = UUID(d.pop("channel_id"))

        id = UUID(d.pop("id"))

        metric = d.pop("metric")

        object_id = d.pop("object_id")

        object_kind = SnapshotReadObjectKind(d.pop("object_kind"))

        platform = d.pop("platform")

        taken_at = datetime.datetime.fromisoformat(d.pop("taken_at"))

        value = d.pop("value")

        _owner_kind = d.pop("owner_kind", UNSET)
        owner_kind: SnapshotReadOwnerKind | Unset
        if isinstance(_owner_kind, Unset):
            owner_kind = UNSET
        else:
            owner_kind = SnapshotReadOwnerKind(_owner_kind)

        snapshot_read = cls(
            api_version=api_version,
            channel_id=channel_id,
            id=id,
            metric=metric,
            object_id=object_id,
            object_kind=object_kind,
            platform=platform,
            taken_at=taken_at,
            value=value,
            owner_kind=owner_kind,
        )

        snapshot_read.additional_properties = d
        return snapshot_read

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
