"""The publisher's composition root."""

from fastapi import FastAPI

from kit.http import create_service_app
from kit.runtime import ServiceRuntime
from publisher import api

SERVICE = "publisher"


def create_app(runtime: ServiceRuntime) -> FastAPI:
    return create_service_app(
        runtime, [api.router], title="Machi publisher", description="Channels, posts, schedules."
    )
