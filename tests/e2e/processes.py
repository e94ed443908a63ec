"""Machi processes for end-to-end tests: real `machi run` processes on loopback ports."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import aio_pika
import httpx

import analytics.handlers
import catalog.handlers
import gateway.webhooks.handlers
import publisher.handlers
from kit import migrations
from kit.secrets import new_key
from kit.settings import MachiSettings

DATABASES = ("catalog", "publisher", "analytics", "gateway")
QUEUE_SUFFIXES = ("", ".retry.1", ".retry.2", ".retry.3", ".dlq")  # EVENT_RETRY_DELAYS_MS: 3 steps


@dataclass
class Machi:
    """Starts and stops `machi` processes sharing one environment; logs go to `log_dir`."""

    env: dict[str, str]
    log_dir: Path
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    cwd: Path | None = None  # where `var/` is (default: the test's own directory)

    def command(self, *args: str, timeout: float = 120) -> None:
        subprocess.run(
            [sys.executable, "-m", "machi_cli", *args],
            env=self.env,
            cwd=self.cwd,
            check=True,
            timeout=timeout,
        )

    def start(self, name: str, *args: str) -> None:
        log = (self.log_dir / f"{name}.log").open("ab")
        self.procs[name] = subprocess.Popen(
            [sys.executable, "-m", "machi_cli", "run", *args],
            env=self.env,
            cwd=self.cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def kill(self, name: str) -> None:
        """SIGKILL: no cleanup, no flush, as a crash would."""
        proc = self.procs.pop(name)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)

    def stop_all(self) -> None:
        for proc in self.procs.values():
            proc.send_signal(signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.procs.clear()

    def logs(self) -> str:
        return "\n".join(
            f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}"
            for p in self.log_dir.glob("*.log")
        )


def wait_http(url: str, timeout: float = 180) -> None:
    """Wait for a 200 (migrations and start-up take a while on a loaded 2-core machine)."""
    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        try:
            response = httpx.get(url, timeout=2)
            if response.status_code == 200:
                return
            last = response.status_code
        except httpx.HTTPError as exc:
            last = exc
        time.sleep(0.2)
    raise TimeoutError(f"{url} not ready: {last}")


def base_env(database_url: str, prefix: str, key_file: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEST_", "PYTEST"))}
    env.update(
        DATABASE_URL=database_url,
        DB_NAME_PREFIX=prefix,
        GATEWAY_SIGNING_KEY_FILE=str(key_file),
        RELAY_POLL_SECONDS="0.05",
        LOG_JSON="true",
        DB_POOL_SIZE="3",
        # As a deployment sets them: roles that seal secrets refuse to start without their keys.
        CATALOG_SECRET_KEYS=new_key(),
        PUBLISHER_SECRET_KEYS=new_key(),
        ANALYTICS_SECRET_KEYS=new_key(),
        GATEWAY_SECRET_KEYS=new_key(),
        WEB_SECRET_KEYS=new_key(),
    )
    env.pop("AMQP_URL", None)
    return env


def drop_databases(settings: MachiSettings) -> None:
    """Drop every service's database of a platform's run."""

    async def drop() -> None:
        for name in DATABASES:
            await migrations.drop(settings, name)

    asyncio.run(drop())


def consumer_names() -> list[str]:
    """Every consumer a platform with workers declares a queue for, the gateway-relay's too."""
    subscriptions = [
        *catalog.handlers.SUBSCRIPTIONS,
        *publisher.handlers.SUBSCRIPTIONS,
        *analytics.handlers.SUBSCRIPTIONS,
        *gateway.webhooks.handlers.SUBSCRIPTIONS,
    ]
    return sorted({s.consumer for s in subscriptions})


def delete_queues(amqp_url: str, prefix: str) -> None:
    """Delete a run's queues and exchanges: one left behind holds the shared broker's file
    handles."""

    async def delete() -> None:
        connection = await aio_pika.connect(amqp_url)
        async with connection:
            channel = await connection.channel()
            for consumer in consumer_names():
                for suffix in QUEUE_SUFFIXES:
                    await channel.queue_delete(prefix + consumer + suffix)
            await channel.queue_delete(prefix + "machi.unrouted")
            for exchange in ("machi.events", "machi.unrouted"):
                await channel.exchange_delete(prefix + exchange)

    asyncio.run(delete())


@contextlib.contextmanager
def running(
    machi: Machi,
    settings: MachiSettings,
    amqp_url: str | None = None,
    events_prefix: str | None = None,
) -> Iterator[None]:
    """However the block ends: the processes' logs printed if it failed, then the processes
    stopped, their databases dropped and (with a broker) their queues deleted."""
    try:
        yield
    except BaseException:
        print(machi.logs())
        raise
    finally:
        machi.stop_all()
        drop_databases(settings)
        if amqp_url and events_prefix:
            delete_queues(amqp_url, events_prefix)
