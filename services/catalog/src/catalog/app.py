"""The catalog's composition root."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from catalog.imports import api as imports_api
from catalog.media import api as media_api
from catalog.media.images import DecodeLimit
from catalog.media.storage import media_storage
from catalog.models import Base
from catalog.places import api as places_api
from catalog.playbook import api as playbook_api
from catalog.producers import api as producers_api
from catalog.products import api as products_api
from catalog.settings import CatalogSettings
from catalog.storefronts import api as storefronts_api
from catalog.usage import api as usage_api
from kit import export
from kit.http import create_service_app
from kit.runtime import ServiceRuntime
from kit.secrets import Sealer

SERVICE = "catalog"


def create_app(runtime: ServiceRuntime, settings: CatalogSettings | None = None) -> FastAPI:
    """The catalog's HTTP app; `settings` defaults to the environment's `CATALOG_*`."""
    settings = settings or CatalogSettings()
    app = create_service_app(
        runtime,
        [
            producers_api.router,
            products_api.router,
            places_api.router,
            storefronts_api.router,
            imports_api.router,
            media_api.router,
            usage_api.router,
            playbook_api.router,
            export.router(Base.metadata),  # the gateway's tenant export
        ],
        title="Machi catalog",
        description="Producers, products, places, media, storefronts, imports.",
        public=[media_api.public_router],  # renditions need no token
    )
    app.state.catalog_settings = settings
    app.state.sealer = Sealer.of(settings)
    storage = media_storage(settings)
    app.state.media_storage = storage
    app.state.media_decoder = DecodeLimit(settings.media_decode_slots)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await storage.close()

    app.router.lifespan_context = lifespan
    return app
