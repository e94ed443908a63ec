"""Usage per tenant per month, for the licensing invoices."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from analytics.usage import repository as usage_repo
from analytics.usage.schemas import AnalyticsUsage
from kit.errors import InvalidInput


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """'2026-11' -> [2026-11-01, 2026-12-01) in UTC."""
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        raise InvalidInput("month must be YYYY-MM")
    year, number = int(month[:4]), int(month[5:])
    start = datetime(year, number, 1, tzinfo=UTC)
    stop = datetime(year + number // 12, number % 12 + 1, 1, tzinfo=UTC)
    return start, stop


async def usage(session: AsyncSession, month: str) -> AnalyticsUsage:
    start, stop = month_bounds(month)
    posts, deliveries = await usage_repo.deliveries(session, start, stop)
    return AnalyticsUsage(
        month=month,
        posts_published=posts,
        deliveries_published=deliveries,
        tracked_clicks=await usage_repo.clicks(session, start, stop),
        active_products=await usage_repo.products(session, stop),
        api_calls=None,
    )
