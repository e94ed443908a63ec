"""Every analytics router, in one list for the composition root."""

from __future__ import annotations

from analytics.conversions import api as conversions_api
from analytics.insights import api as insights_api
from analytics.links import api as links_api
from analytics.redirect import api as redirect_api
from analytics.reports import api as reports_api
from analytics.tracking import api as tracking_api
from analytics.usage import api as usage_api

ROUTERS = [
    redirect_api.router,
    links_api.router,
    reports_api.router,
    conversions_api.router,
    conversions_api.webhooks,
    tracking_api.router,
    insights_api.router,
    usage_api.router,
]
