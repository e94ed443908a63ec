"""Usage per tenant per month, for the licensing invoices."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from analytics.usage import repository as usage_repo
from analytics.usage.schemas import AnalyticsUsage
from kit.months import month_bounds


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
