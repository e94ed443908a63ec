from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_read_limits import PlanReadLimits


T = TypeVar("T", bound="PlanRead")


@_attrs_define
class PlanRead:
    """
    Attributes:
        limits (PlanReadLimits):
        name (str):
        description (str | Unset):  Default: ''.
        features (list[str] | Unset):
    """

    limits: PlanReadLimits
    name: str
    description: str | Unset = ""
    features: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        limits = self.limits.to_dict()

        name = self.name

        description = self.description

        features: list[str] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = self.features

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "limits": limits,
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if features is not UNSET:
            field_dict["features"] = features

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.plan_read_limits import PlanReadLimits

        d = dict(src_dict)
        limits = PlanReadLimits.from_dict(d.pop("limits"))

        name = d.pop("name")

        description = d.pop("description", UNSET)

        features = cast(list[str], d.pop("features", UNSET))

        plan_read = cls(
            limits=limits,
            name=name,
            description=description,
            features=features,
        )

        plan_read.additional_properties = d
        return plan_read

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
