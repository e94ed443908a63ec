import uuid
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from aiobotocore.session import get_session
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


@pytest.fixture(scope="session")
async def s3_endpoint() -> AsyncIterator[str]:
    """A real S3 API on loopback (moto's server, in a thread of this process) holding an empty
    bucket named `machi-media`."""
    from moto.server import ThreadedMotoServer  # a few seconds to import: only when used

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    async with get_session().create_client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="machi-test",
        aws_secret_access_key="machi-test-secret",
    ) as s3:
        await s3.create_bucket(Bucket="machi-media")
    yield endpoint
    server.stop()


@pytest.fixture(scope="session")
def s3_settings(catalog_settings: CatalogSettings, s3_endpoint: str) -> CatalogSettings:
    """The catalog's test settings with uploads kept in the S3 bucket."""
    s3 = {
        "media_storage": "s3",
        "media_s3_bucket": "machi-media",
        "media_s3_endpoint_url": s3_endpoint,
        "media_s3_access_key_id": "machi-test",
        "media_s3_secret_access_key": SecretStr("machi-test-secret"),
        "media_s3_path_style": True,
    }
    return CatalogSettings(**(catalog_settings.model_dump() | s3), _env_file=None)


@pytest.fixture(scope="session")
async def s3_app(runtime: ServiceRuntime, s3_settings: CatalogSettings) -> AsyncIterator[FastAPI]:
    """The catalog with S3 selected, its lifespan entered (it closes the S3 client)."""
    app = create_app(runtime, s3_settings)
    async with app.router.lifespan_context(app):
        yield app


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
