"""The usage report's rows as the OpenAPI document describes them (`gateway.usage.service`)."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class GatewayUsage(BaseModel):
    api_calls: int = Field(description="API requests the gateway counted for the town.")


class ServiceUsage(BaseModel):
    """A service's numbers for the month (`month`, then one count per metric)."""

    model_config = ConfigDict(extra="allow")

    available: Literal[True]
    month: str


class ServiceUnavailable(BaseModel):
    """The service did not answer; the other numbers are still reported."""

    available: Literal[False]
    reason: str


class TenantUsage(BaseModel):
    """One town's month: the gateway's API calls and each service's numbers."""

    tenant_id: uuid.UUID
    slug: str
    month: str = Field(description="YYYY-MM")
    plan: str
    gateway: GatewayUsage
    services: dict[str, ServiceUsage | ServiceUnavailable] = Field(
        description="By service name: catalog, publisher, analytics."
    )


CSV_RESPONSE = {
    "description": "One row per town, one column per number (`service.metric`).",
    "content": {"text/csv": {"schema": {"type": "string"}}},
}
