"""The fault suite's platform: relay and workers as separate processes on a private broker."""

from __future__ import annotations

import asyncio
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from kit import migrations
from kit.settings import MachiSettings
from kit.testing.fakes import free_port
from tests.e2e.processes import Machi, base_env, wait_http

from .broker import PrivateRabbit

SERVICES = ["catalog", "publisher", "analytics", "gateway"]


@dataclass
class Platform:
    machi: Machi
    rabbit: PrivateRabbit
    settings: MachiSettings
    prefix: str
    relay_port: int

    def start_relay(self) -> None:
        self.machi.start("catalog-relay", "--target=catalog-relay", "--port", str(self.relay_port))

    def start_worker(self, service: str) -> None:
        self.machi.start(f"{service}-worker", f"--target={service}-worker")


@pytest.fixture(scope="module")
def private_rabbit() -> Iterator[PrivateRabbit]:
    if shutil.which("rabbitmq-server") is None:
        pytest.fail("make faults needs rabbitmq-server on this machine", pytrace=False)
    rabbit = PrivateRabbit.create()
    try:
        rabbit.start()
        yield rabbit
    finally:
        rabbit.stop()
        rabbit.remove()


@pytest.fixture(scope="module")
def platform(
    pg_server_url: str, private_rabbit: PrivateRabbit, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Platform]:
    """Catalog relay, publisher and analytics workers, each its own `machi run` process."""
    tag = uuid.uuid4().hex[:8]
    tmp = tmp_path_factory.mktemp("faults")
    env = base_env(pg_server_url, f"t{tag}_", tmp / "signing-key.pem")
    env.update(
        AMQP_URL=private_rabbit.url,
        EVENTS_PREFIX=f"t{tag}.",
        EVENT_RETRY_DELAYS_MS="[200,500,1000]",
        DB_POOL_SIZE="5",
    )
    settings = MachiSettings(database_url=pg_server_url, db_name_prefix=f"t{tag}_", _env_file=None)  # type: ignore[call-arg]
    machi = Machi(env, tmp)
    found = Platform(machi, private_rabbit, settings, f"t{tag}.", free_port())
    try:
        machi.command("migrate")
        found.start_relay()
        wait_http(f"http://127.0.0.1:{found.relay_port}/readyz")
        for service in ("publisher", "analytics"):
            found.start_worker(service)
        yield found
    except BaseException:
        print(machi.logs())
        raise
    finally:
        machi.stop_all()

        async def drop() -> None:
            for service in SERVICES:
                await migrations.drop(settings, service)

        asyncio.run(drop())
