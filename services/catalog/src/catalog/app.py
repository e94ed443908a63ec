"""The catalog's composition root."""

from fastapi import FastAPI

from catalog import api
from kit.http import create_service_app
from kit.runtime import ServiceRuntime

SERVICE = "catalog"


def create_app(runtime: ServiceRuntime) -> FastAPI:
    return create_service_app(
        runtime, [api.router], title="Machi catalog", description="Producers, products, places."
    )
