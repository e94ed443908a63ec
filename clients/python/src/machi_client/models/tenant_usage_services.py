from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.service_unavailable import ServiceUnavailable
    from ..models.service_usage import ServiceUsage


T = TypeVar("T", bound="TenantUsageServices")


@_attrs_define
class TenantUsageServices:
    """By service name: catalog, publisher, analytics."""

    additional_properties: dict[str, ServiceUnavailable | ServiceUsage] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.service_usage import ServiceUsage

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, ServiceUsage):
                field_dict[prop_name] = prop.to_dict()
            else:
                field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.service_unavailable import ServiceUnavailable
        from ..models.service_usage import ServiceUsage

        d = dict(src_dict)
        tenant_usage_services = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> ServiceUnavailable | ServiceUsage:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    additional_property_type_0 = ServiceUsage.from_dict(data)

                    return additional_property_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                additional_property_type_1 = ServiceUnavailable.from_dict(data)

                return additional_property_type_1

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        tenant_usage_services.additional_properties = additional_properties
        return tenant_usage_services

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> ServiceUnavailable | ServiceUsage:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: ServiceUnavailable | ServiceUsage) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
