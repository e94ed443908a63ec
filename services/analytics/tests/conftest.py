from collections.abc import AsyncIterator, Callable

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr

from analytics.app import SERVICE, create_app
from analytics.settings import AnalyticsSettings
from kit.auth import InternalPrincipal, TokenSigner
from kit.migrations import asyncpg_dsn
from kit.runtime import ServiceRuntime
from kit.secrets import new_key
from kit.settings import MachiSettings
from kit.testing.plugin import client, service_runtime


@pytest.fixture(scope="session")
async def runtime(
    machi_settings: MachiSettings, migrated_services: set[str], verifier_factory: Callable
) -> AsyncIterator[ServiceRuntime]:
    verifier = verifier_factory(SERVICE)
    async with service_runtime(machi_settings, migrated_services, SERVICE, verifier) as rt:
        yield rt


@pytest.fixture(scope="session")
def analytics_settings() -> AnalyticsSettings:
    return AnalyticsSettings(
        public_base_url="https://machi.example",
        country_header="CF-IPCountry",
        secret_keys=SecretStr(new_key()),
        _env_file=None,
    )


@pytest.fixture(scope="session")
def app(runtime: ServiceRuntime, analytics_settings: AnalyticsSettings) -> FastAPI:
    return create_app(runtime, analytics_settings)


@pytest.fixture
def as_user(app: FastAPI, signer: TokenSigner) -> Callable[[InternalPrincipal], httpx.AsyncClient]:
    return lambda who: client(app, signer, SERVICE, who)


@pytest.fixture(scope="session")
async def owner(
    machi_settings: MachiSettings, runtime: ServiceRuntime
) -> AsyncIterator[asyncpg.Connection]:
    """The analytics database as its owner: bulk loads and checks across tenants."""
    conn = await asyncpg.connect(asyncpg_dsn(machi_settings.owner_url(SERVICE)))
    try:
        yield conn
    finally:
        await conn.close()
