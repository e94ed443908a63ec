"""HTTP DTOs of plans."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from gateway.schemas import Limits


class PlanWrite(BaseModel):
    description: str = Field(default="", max_length=500)
    limits: Limits = Field(
        examples=[{"active_products": 1000, "staff_users": 50, "api_requests_per_minute": 600}]
    )
    features: list[Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]] = Field(
        default=[], examples=[["line_broadcast", "insights"]]
    )


class PlanRead(PlanWrite):
    model_config = ConfigDict(from_attributes=True)

    name: str
