"""DTOs of the reports."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import BaseModel


class Metrics(BaseModel):
    clicks: int = 0
    bot_clicks: int = 0
    visitors: int = 0
    orders: int = 0
    revenue: int = 0
    conversion_rate: float = 0.0


class Followers(BaseModel):
    """The town's own channels' followers; staff members' personal accounts apart."""

    followers: int | None = None
    growth: int | None = None
    share_of_population: float | None = None
    staff_followers: int | None = None


class PeriodMetrics(Metrics, Followers):
    start: date
    end: date


class Overview(BaseModel):
    current: PeriodMetrics
    previous: PeriodMetrics
    change: dict[str, float | None]


class ProductReportRow(BaseModel):
    product_id: uuid.UUID
    producer_id: uuid.UUID
    slug: str
    name: dict[str, str]
    clicks: int
    visitors: int
    orders: int
    revenue: int


class ProductReport(BaseModel):
    items: list[ProductReportRow]


class DimensionRow(BaseModel):
    key: str
    platform: str | None = None
    permalinks: list[str] = []
    clicks: int
    visitors: int
    orders: int
    revenue: int
    conversion_rate: float


class DimensionReport(BaseModel):
    items: list[DimensionRow]


class ProducerReport(BaseModel):
    producer_id: uuid.UUID
    totals: Metrics
    products: list[ProductReportRow]


class BestTime(BaseModel):
    channel_id: uuid.UUID
    platform: str
    weekday: int  # 0 = Monday, in the tenant's timezone
    hour: int
    samples: int
    average_clicks: float


class BestTimes(BaseModel):
    timezone: str
    min_samples: int
    items: list[BestTime]
