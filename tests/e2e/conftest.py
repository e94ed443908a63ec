"""Machi as users run it: `machi run` processes, through the gateway, on real Postgres."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from gateway import bootstrap as gateway_bootstrap
from kit.db import Database
from kit.settings import MachiSettings
from kit.testing.fakes import free_port

from .journeys import Journeys, journey_platform
from .processes import Machi, base_env, running, wait_http


@dataclass
class Platform:
    machi: Machi
    url: str
    settings: MachiSettings
    ports: dict[str, int]

    def tenant_admin(self, slug: str) -> httpx.Client:
        """A new tenant and an admin user, logged in through the gateway."""
        email, password = f"admin@{slug}.example", "correct horse battery"

        async def create() -> None:
            db = Database(self.settings.app_url("gateway"), pool_size=1)
            try:
                tenant = await gateway_bootstrap.create_tenant(
                    db,
                    slug,
                    {"en": slug.title()},
                    timezone="Asia/Tokyo",
                    population=50_000,
                    limits={"active_products": 100},
                )
                await gateway_bootstrap.create_user(db, tenant, email, password, ["admin"])
            finally:
                await db.dispose()

        asyncio.run(create())
        http = httpx.Client(base_url=self.url, timeout=30)
        token = http.post("/v1/auth/token", json={"email": email, "password": password})
        assert token.status_code == 200, token.text
        http.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        return http


@pytest.fixture(scope="package")
def split_platform(
    pg_server_url: str, amqp_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Platform]:
    """Every role its own process, over RabbitMQ: one for the e2e tests (a test that stops a
    process starts it again)."""
    tag = uuid.uuid4().hex[:8]
    tmp = tmp_path_factory.mktemp("split")
    env = base_env(pg_server_url, f"t{tag}_", tmp / "signing-key.pem")
    ports = {
        name: free_port()
        for name in ("gateway", "catalog", "publisher", "analytics", "catalog-relay")
    }
    gateway_url = f"http://127.0.0.1:{ports['gateway']}"
    env.update(
        AMQP_URL=amqp_url,
        EVENTS_PREFIX=f"t{tag}.",
        EVENT_RETRY_DELAYS_MS="[200,500,1000]",
        JWKS_URL=f"{gateway_url}/.well-known/jwks.json",
        CATALOG_URL=f"http://127.0.0.1:{ports['catalog']}",
        PUBLISHER_URL=f"http://127.0.0.1:{ports['publisher']}",
        ANALYTICS_URL=f"http://127.0.0.1:{ports['analytics']}",
        # The fake stores listen on loopback, which user-supplied URLs may not reach by default
        # (the outbound guard): told to accept it, as for intranet stores.
        ANALYTICS_EXTRA_STORE_HOSTS='["127.0.0.1"]',
        OUTBOUND_ALLOW_PRIVATE="true",
    )
    settings = MachiSettings(database_url=pg_server_url, db_name_prefix=f"t{tag}_", _env_file=None)  # type: ignore[call-arg]
    machi = Machi(env, tmp)
    with running(machi, settings, amqp_url, f"t{tag}."):
        machi.command("migrate")
        machi.start("gateway", "--target=gateway", "--port", str(ports["gateway"]))
        wait_http(f"{gateway_url}/healthz")
        for service in ("catalog", "publisher", "analytics"):
            machi.start(f"{service}-api", f"--target={service}-api", "--port", str(ports[service]))
        machi.start(
            "catalog-relay", "--target=catalog-relay", "--port", str(ports["catalog-relay"])
        )
        for service in ("publisher", "analytics"):
            machi.start(f"{service}-worker", f"--target={service}-relay,{service}-worker")
        # The gateway's readiness is its own; the services' is theirs.
        for service in ("gateway", "catalog", "publisher", "analytics"):
            wait_http(f"http://127.0.0.1:{ports[service]}/readyz")
        yield Platform(machi, gateway_url, settings, ports)


@pytest.fixture(scope="module")
def all_in_one(pg_server_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    """`machi run --target=all` on the in-memory bus, as `make run` starts it."""
    tag = uuid.uuid4().hex[:8]
    tmp = tmp_path_factory.mktemp("aio")
    env = base_env(pg_server_url, f"t{tag}_", tmp / "signing-key.pem")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    settings = MachiSettings(database_url=pg_server_url, db_name_prefix=f"t{tag}_", _env_file=None)  # type: ignore[call-arg]
    machi = Machi(env, tmp)
    with running(machi, settings):
        machi.start("all", "--target=all", "--port", str(port))
        wait_http(f"{url}/readyz", timeout=120)
        yield Platform(machi, url, settings, {"gateway": port})


@pytest.fixture(scope="session")
def journeys(
    pg_server_url: str, amqp_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Journeys]:
    """One platform for every journey: each service its own process over RabbitMQ, the social
    platforms and stores faked on loopback, and the platform operator's login."""
    with journey_platform(pg_server_url, amqp_url, tmp_path_factory.mktemp("journeys")) as j:
        yield j
