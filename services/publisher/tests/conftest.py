from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from fastapi import FastAPI

from kit.auth import InternalPrincipal, TokenSigner
from kit.runtime import ServiceRuntime
from kit.settings import MachiSettings
from kit.testing.plugin import client, service_runtime
from publisher.app import SERVICE, create_app


@pytest.fixture(scope="session")
async def runtime(
    machi_settings: MachiSettings, migrated_services: set[str], verifier_factory: Callable
) -> AsyncIterator[ServiceRuntime]:
    verifier = verifier_factory(SERVICE)
    async with service_runtime(machi_settings, migrated_services, SERVICE, verifier) as rt:
        yield rt


@pytest.fixture(scope="session")
def app(runtime: ServiceRuntime) -> FastAPI:
    return create_app(runtime)


@pytest.fixture
def as_user(app: FastAPI, signer: TokenSigner) -> Callable[[InternalPrincipal], httpx.AsyncClient]:
    return lambda who: client(app, signer, SERVICE, who)
