from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from fastapi import FastAPI

from kit.auth import InternalPrincipal, TokenSigner
from kit.events.memory import MemoryBus
from kit.runtime import ServiceRuntime
from kit.settings import MachiSettings
from kit.testing.plugin import client, migrate
from publisher.app import SERVICE, create_app


@pytest.fixture(scope="session")
async def runtime(
    machi_settings: MachiSettings, migrated_services: set[str], verifier_factory: Callable
) -> AsyncIterator[ServiceRuntime]:
    await migrate(machi_settings, migrated_services, SERVICE)
    rt = ServiceRuntime.create(
        SERVICE, machi_settings, bus=MemoryBus(), verifier=verifier_factory(SERVICE)
    )
    yield rt
    await rt.close()


@pytest.fixture(scope="session")
def app(runtime: ServiceRuntime) -> FastAPI:
    return create_app(runtime)


@pytest.fixture
def as_user(app: FastAPI, signer: TokenSigner) -> Callable[[InternalPrincipal], httpx.AsyncClient]:
    return lambda who: client(app, signer, SERVICE, who)
