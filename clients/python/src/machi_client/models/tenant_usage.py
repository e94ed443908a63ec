from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.gateway_usage import GatewayUsage
    from ..models.tenant_usage_services import TenantUsageServices


T = TypeVar("T", bound="TenantUsage")


@_attrs_define
class TenantUsage:
    """One town's month: the gateway's API calls and each service's numbers.

    Attributes:
        gateway (GatewayUsage):
        month (str): YYYY-MM
        plan (str):
        services (TenantUsageServices): By service name: catalog, publisher, analytics.
        slug (str):
        tenant_id (UUID):
    """

    gateway: GatewayUsage
    month: str
    plan: str
    services: TenantUsageServices
    slug: str
    tenant_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gateway = self.gateway.to_dict()

        month = self.month

        plan = self.plan

        services = self.services.to_dict()

        slug = self.slug

        tenant_id = str(self.tenant_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "gateway": gateway,
                "month": month,
                "plan": plan,
                "services": services,
                "slug": slug,
                "tenant_id": tenant_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.gateway_usage import GatewayUsage
        from ..models.tenant_usage_services import TenantUsageServices

        d = dict(src_dict)
        gateway = GatewayUsage.from_dict(d.pop("gateway"))

        month = d.pop("month")

        plan = d.pop("plan")

        services = TenantUsageServices.from_dict(d.pop("services"))

        slug = d.pop("slug")

        tenant_id = UUID(d.pop("tenant_id"))

        tenant_usage = cls(
            gateway=gateway,
            month=month,
            plan=plan,
            services=services,
            slug=slug,
            tenant_id=tenant_id,
        )

        tenant_usage.additional_properties = d
        return tenant_usage

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
