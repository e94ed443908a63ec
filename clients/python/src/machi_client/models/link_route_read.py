from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.link_route_read_dimensions import LinkRouteReadDimensions


T = TypeVar("T", bound="LinkRouteRead")


@_attrs_define
class LinkRouteRead:
    """Where `/r/{code}` leads (UTM tags applied) and what a click on it is about.

    Attributes:
        code (str):
        destination (str):
        link_id (UUID):
        tenant_id (UUID):
        dimensions (LinkRouteReadDimensions | Unset):
        expires_at (datetime.datetime | None | Unset):
    """

    code: str
    destination: str
    link_id: UUID
    tenant_id: UUID
    dimensions: LinkRouteReadDimensions | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        destination = self.destination

        link_id = str(self.link_id)

        tenant_id = str(self.tenant_id)

        dimensions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dimensions, Unset):
            dimensions = self.dimensions.to_dict()

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "destination": destination,
                "link_id": link_id,
                "tenant_id": tenant_id,
            }
        )
        if dimensions is not UNSET:
            field_dict["dimensions"] = dimensions
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.link_route_read_dimensions import LinkRouteReadDimensions

        d = dict(src_dict)
        code = d.pop("code")

        destination = d.pop("destination")

        link_id = UUID(d.pop("link_id"))

        tenant_id = UUID(d.pop("tenant_id"))

        _dimensions = d.pop("dimensions", UNSET)
        dimensions: LinkRouteReadDimensions | Unset
        if isinstance(_dimensions, Unset):
            dimensions = UNSET
        else:
            dimensions = LinkRouteReadDimensions.from_dict(_dimensions)

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        link_route_read = cls(
            code=code,
            destination=destination,
            link_id=link_id,
            tenant_id=tenant_id,
            dimensions=dimensions,
            expires_at=expires_at,
        )

        link_route_read.additional_properties = d
        return link_route_read

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
