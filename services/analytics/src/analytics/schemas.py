"""HTTP DTOs of analytics."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict


class ProductReportRow(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    product_id: uuid.UUID
    producer_id: uuid.UUID
    slug: str
    name: dict[str, str]
    clicks: int
    orders: int
    revenue: int


class ProductReport(BaseModel):
    items: list[ProductReportRow]
