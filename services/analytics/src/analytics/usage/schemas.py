"""DTOs of usage."""

from __future__ import annotations

from pydantic import BaseModel


class AnalyticsUsage(BaseModel):
    month: str
    posts_published: int
    deliveries_published: int
    tracked_clicks: int
    active_products: int
    api_calls: int | None  # metered by the gateway, not known here
