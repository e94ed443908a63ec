import uuid
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr

from catalog.app import SERVICE, create_app
from catalog.settings import CatalogSettings
from kit.auth import InternalPrincipal, TokenSigner
from kit.runtime import ServiceRuntime
from kit.secrets import new_key
from kit.settings import MachiSettings
from kit.testing.plugin import client, service_runtime


@pytest.fixture(scope="session")
async def runtime(
    machi_settings: MachiSettings, migrated_services: set[str], verifier_factory: Callable
) -> AsyncIterator[ServiceRuntime]:
    verifier = verifier_factory(SERVICE)
    # The fake stores listen on loopback; tests of the guard itself turn it back on per app.
    settings = machi_settings.model_copy(update={"outbound_allow_private": True})
    async with service_runtime(settings, migrated_services, SERVICE, verifier) as rt:
        yield rt


@pytest.fixture(scope="session")
def catalog_settings(tmp_path_factory: pytest.TempPathFactory) -> CatalogSettings:
    return CatalogSettings(
        secret_keys=SecretStr(new_key()),
        media_dir=tmp_path_factory.mktemp("media"),
        public_base_url="https://town.example",
        store_max_retry_after_seconds=2,
        _env_file=None,
    )


@pytest.fixture(scope="session")
def app(runtime: ServiceRuntime, catalog_settings: CatalogSettings) -> FastAPI:
    return create_app(runtime, catalog_settings)


@pytest.fixture
def as_user(app: FastAPI, signer: TokenSigner) -> Callable[[InternalPrincipal], httpx.AsyncClient]:
    return lambda who: client(app, signer, SERVICE, who)


def producer_user(tenant: uuid.UUID, *producer_ids: uuid.UUID) -> InternalPrincipal:
    """A producer's own login: may edit only `producer_ids`."""
    return InternalPrincipal(
        sub=str(uuid.uuid4()),
        kind="user",
        tenant_id=tenant,
        roles=frozenset({"producer"}),
        producer_ids=frozenset(producer_ids),
    )
