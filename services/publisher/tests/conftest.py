import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from kit import outbound
from kit.auth import InternalPrincipal, TokenSigner
from kit.outbound import OutboundPolicy
from kit.runtime import ServiceRuntime
from kit.secrets import Sealer
from kit.settings import MachiSettings
from kit.testing.plugin import client, service_runtime
from publisher.app import SERVICE, create_app
from publisher.dispatch.service import Dispatcher
from publisher.platforms import registry
from publisher.platforms.http import HttpClient
from publisher.settings import PublisherSettings

TEST_KEY = "dGVzdC1rZXktb2YtdGhlLXB1Ymxpc2hlci10ZXN0cyE="


def publisher_settings(**overrides: Any) -> PublisherSettings:
    """Settings for tests: fast retries, short leases, a test key, no .env."""
    values: dict[str, Any] = {
        "secret_keys": TEST_KEY,
        "public_base_url": "https://machi.test",
        "retry_base_seconds": 60,
        "dispatch_lease_seconds": 300,
        "reconcile_grace_seconds": 0,
        "platform_timeout_seconds": 2,
    }
    values.update(overrides)
    return PublisherSettings(_env_file=None, **values)


@pytest.fixture(scope="session")
async def runtime(
    machi_settings: MachiSettings, migrated_services: set[str], verifier_factory: Callable
) -> AsyncIterator[ServiceRuntime]:
    verifier = verifier_factory(SERVICE)
    # Fake Mastodon instances listen on loopback; the SSRF tests turn the guard back on per app.
    settings = machi_settings.model_copy(update={"outbound_allow_private": True})
    async with service_runtime(settings, migrated_services, SERVICE, verifier) as rt:
        yield rt


@pytest.fixture(scope="session")
def app(runtime: ServiceRuntime) -> FastAPI:
    return create_app(runtime, publisher_settings())


@pytest.fixture
def as_user(app: FastAPI, signer: TokenSigner) -> Callable[[InternalPrincipal], httpx.AsyncClient]:
    return lambda who: client(app, signer, SERVICE, who)


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=2) as http:
        yield http


@pytest.fixture
async def instances() -> AsyncIterator[httpx.AsyncClient]:
    """The client of user-supplied instance URLs, loopback allowed (fakes listen there)."""
    async with outbound.client(OutboundPolicy(allow_private=True), timeout=2) as http:
        yield http


@pytest.fixture
def make_dispatcher(
    runtime: ServiceRuntime, http: httpx.AsyncClient, instances: httpx.AsyncClient
) -> Callable[..., Dispatcher]:
    """A dispatcher on the jobs database whose platforms live at the given base URLs
    (`guarded`: the client of instance URLs, loopback allowed unless given)."""

    def make(guarded: HttpClient | None = None, **overrides: Any) -> Dispatcher:
        settings = publisher_settings(**overrides)
        adapters = registry.adapters(http, guarded or instances, settings, runtime.jobs_db)
        return Dispatcher(runtime.jobs_db, settings, Sealer.of(settings), adapters)

    return make


@pytest.fixture
async def tenant(runtime: ServiceRuntime) -> AsyncIterator[uuid.UUID]:
    """A fresh tenant; its deliveries still pending afterwards are cancelled, so dispatchers
    of later tests (which claim across tenants) never meet them."""
    tenant_id = uuid.uuid4()
    yield tenant_id
    async with runtime.jobs_db.transaction() as session:
        await session.execute(
            text(
                "UPDATE deliveries SET state = 'cancelled' WHERE tenant_id = :t"
                " AND state NOT IN ('published', 'failed')"
            ),
            {"t": tenant_id},
        )


async def events(runtime: ServiceRuntime, tenant_id: uuid.UUID, event_type: str) -> list[dict]:
    """Payloads of `event_type` in the outbox for `tenant_id`, oldest first."""
    async with runtime.jobs_db.transaction() as session:
        rows = await session.execute(
            text(
                "SELECT envelope FROM outbox WHERE tenant_id = :t AND event_type = :e"
                " ORDER BY occurred_at"
            ),
            {"t": tenant_id, "e": event_type},
        )
        return [row[0]["payload"] for row in rows]
