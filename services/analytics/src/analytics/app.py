"""The analytics composition root."""

from fastapi import FastAPI

from analytics import api
from kit.http import create_service_app
from kit.runtime import ServiceRuntime

SERVICE = "analytics"


def create_app(runtime: ServiceRuntime) -> FastAPI:
    return create_service_app(
        runtime, [api.router], title="Machi analytics", description="Links, clicks, reports."
    )
