"""The real catalog, publisher and analytics apps in-process behind the gateway (as `machi run
--target=all` wires them), for the gateway features that need the services' own rows."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr

from analytics.app import create_app as analytics_app
from analytics.settings import AnalyticsSettings
from catalog.app import create_app as catalog_app
from catalog.settings import CatalogSettings
from gateway.settings import GatewaySettings
from kit.auth import TokenVerifier
from kit.runtime import ServiceRuntime
from kit.secrets import new_key
from kit.settings import MachiSettings
from kit.testing.plugin import service_runtime
from publisher.app import create_app as publisher_app
from publisher.settings import PublisherSettings

from .support import GatewayFactory


@dataclass
class Platform:
    """The gateway over the real services; `apps` to reach a service directly."""

    http: httpx.AsyncClient
    apps: dict[str, FastAPI]


def upstreams(apps: dict[str, FastAPI], *down: str) -> dict[str, httpx.AsyncClient]:
    """Clients of the services; those in `down` point at a closed port (nothing listens on 9)."""
    clients = {}
    for name, app in apps.items():
        if name in down:
            clients[name] = httpx.AsyncClient(base_url="http://127.0.0.1:9")
        else:
            transport = httpx.ASGITransport(app=app)
            clients[name] = httpx.AsyncClient(transport=transport, base_url=f"http://{name}")
    return clients


LONG_TIMEOUT = GatewaySettings(_env_file=None, upstream_timeout_seconds=30)


@pytest.fixture(scope="module")
async def service_apps(
    machi_settings: MachiSettings,
    migrated_services: set[str],
    verifier_factory: Callable[[str], TokenVerifier],
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[dict[str, FastAPI]]:
    async with AsyncExitStack() as stack:

        async def runtime(name: str) -> ServiceRuntime:
            verifier = verifier_factory(name)
            return await stack.enter_async_context(
                service_runtime(machi_settings, migrated_services, name, verifier)
            )

        yield {
            "catalog": catalog_app(
                await runtime("catalog"),
                CatalogSettings(
                    secret_keys=SecretStr(new_key()),
                    media_dir=tmp_path_factory.mktemp("media"),
                    public_base_url="https://town.example",
                    _env_file=None,
                ),
            ),
            "publisher": publisher_app(
                await runtime("publisher"),
                PublisherSettings(
                    _env_file=None,
                    secret_keys=SecretStr(new_key()),
                    public_base_url="https://machi.test",
                ),
            ),
            "analytics": analytics_app(
                await runtime("analytics"),
                AnalyticsSettings(
                    public_base_url="https://machi.example",
                    secret_keys=SecretStr(new_key()),
                    _env_file=None,
                ),
            ),
        }


@pytest.fixture
async def platform(gateway_with: GatewayFactory, service_apps: dict[str, FastAPI]) -> Platform:
    """A gateway (long upstream timeout: real services do real work) over the real services."""
    http = await gateway_with(upstreams(service_apps), settings=LONG_TIMEOUT)
    return Platform(http=http, apps=service_apps)
