"""Per-app objects the routers share (settings, link cache, click buffer, cipher), and their
FastAPI dependency aliases."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from analytics.redirect.buffer import ClickBuffer
from analytics.redirect.cache import LinkCache
from analytics.settings import AnalyticsSettings
from kit.secrets import Sealer


@dataclass
class AnalyticsContext:
    """What the analytics routers need beside the session and principal."""

    settings: AnalyticsSettings
    cache: LinkCache
    buffer: ClickBuffer
    secrets: Sealer


async def get_context(request: Request) -> AnalyticsContext:
    context: AnalyticsContext = request.app.state.analytics
    return context


ContextDep = Annotated[AnalyticsContext, Depends(get_context)]
