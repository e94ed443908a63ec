"""The analytics composition root."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from analytics.conversions import api as conversions_api
from analytics.dependencies import AnalyticsContext
from analytics.insights import api as insights_api
from analytics.links import api as links_api
from analytics.models import Base
from analytics.playbook import api as playbook
from analytics.redirect import api as redirect_api
from analytics.redirect.buffer import ClickBuffer
from analytics.redirect.cache import LinkCache
from analytics.redirect.flusher import Flusher
from analytics.reports import api as reports_api
from analytics.settings import AnalyticsSettings
from analytics.tracking import api as tracking_api
from analytics.usage import api as usage_api
from kit import export
from kit.http import create_service_app
from kit.runtime import ServiceRuntime
from kit.secrets import Sealer

SERVICE = "analytics"


def create_app(runtime: ServiceRuntime, settings: AnalyticsSettings | None = None) -> FastAPI:
    settings = settings or AnalyticsSettings()
    app = create_service_app(
        runtime,
        [
            redirect_api.router,
            links_api.router,
            reports_api.router,
            conversions_api.router,
            conversions_api.webhooks,
            tracking_api.router,
            insights_api.router,
            usage_api.router,
            export.router(Base.metadata),  # the gateway's tenant export
            playbook.router,  # the gateway's playbooks for partner towns
        ],
        title="Machi analytics",
        description="Links, clicks, reports.",
    )
    context = AnalyticsContext(
        settings=settings,
        cache=LinkCache(settings.link_cache_seconds, settings.link_cache_size),
        buffer=ClickBuffer(settings.buffer_max),
        secrets=Sealer.of(settings),
    )
    app.state.analytics = context
    flusher = Flusher(runtime.db, context.buffer, settings)
    app.state.flusher = flusher

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await flusher.start()
        try:
            yield
        finally:
            await flusher.stop()  # graceful shutdown writes the last buffered clicks

    app.router.lifespan_context = lifespan
    return app
