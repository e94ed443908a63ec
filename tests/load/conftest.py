"""The load suite's platforms: the all-in-one on the memory bus, and every role its own process
over RabbitMQ. Both on their own databases (a unique prefix), with an operator account."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kit.secrets import new_key
from kit.settings import MachiSettings
from kit.testing.fakes import free_port
from machi_cli.services import ROLE_NAMES
from tests.e2e.processes import (
    QUEUE_SUFFIXES,
    Machi,
    base_env,
    consumer_names,
    running,
    wait_http,
)

SERVICES = ["catalog", "publisher", "analytics"]
OPERATOR = ("operator@load.example", "operator horse battery")
# `machi run --workers` of the split platform's gateway (README: Workers).
GATEWAY_WORKERS = int(os.environ.get("LOAD_GATEWAY_WORKERS", "1"))
# `machi run --workers` of the all-in-one: set (1 too), it runs over RabbitMQ, as workers need.
ALL_WORKERS = os.environ.get("LOAD_ALL_WORKERS", "")


@dataclass
class LoadPlatform:
    """A running platform: its processes, the gateway's URL and the databases' settings."""

    mode: str  # "all" or "split"
    machi: Machi
    url: str
    settings: MachiSettings
    processes: list[str]
    amqp_url: str | None = None  # with the events prefix below: the split platform's broker
    events_prefix: str = ""


def load_env(pg_server_url: str, prefix: str, tmp: Path, gateway_url: str) -> dict[str, str]:
    """The platform's environment for a load run.

    The rate limits are raised out of the way: every simulated visitor comes from 127.0.0.1, so
    the per-IP public bucket (1,200 a minute) would turn the run into a test of the limiter.
    The buckets are still taken on every request. Rollups run every 2 s so the run's end can be
    compared with its rollups without waiting the default 30 s."""
    env = base_env(pg_server_url, prefix, tmp / "signing-key.pem")
    env.update(
        DB_POOL_SIZE="4",
        PUBLIC_RATE_LIMIT_PER_MINUTE="10000000",
        RATE_LIMIT_PER_MINUTE="10000000",
        LOGIN_IP_PER_MINUTE="10000",
        LOGIN_ACCOUNT_PER_MINUTE="10000",
        LOGIN_IP_ACCOUNT_PER_MINUTE="10000",
        ACCESS_TOKEN_TTL_SECONDS="7200",
        ANALYTICS_PUBLIC_BASE_URL=gateway_url,
        ANALYTICS_ROLLUP_SECONDS="2",
        ANALYTICS_SECRET_KEYS=new_key(),
        CATALOG_PUBLIC_BASE_URL=gateway_url,
        CATALOG_SECRET_KEYS=new_key(),
        CATALOG_MEDIA_DIR=str(tmp / "media"),
        PUBLISHER_PUBLIC_BASE_URL=gateway_url,
        PUBLISHER_SECRET_KEYS=new_key(),
        GATEWAY_SECRET_KEYS=new_key(),
    )
    return env


def queue_names(prefix: str) -> list[str]:
    """Every consumer's queue, retry queues and dead-letter queue."""
    return [prefix + c + suffix for c in consumer_names() for suffix in QUEUE_SUFFIXES]


def _settings(pg_server_url: str, prefix: str) -> MachiSettings:
    return MachiSettings(database_url=pg_server_url, db_name_prefix=prefix, _env_file=None)


# Function scope: each platform is gone before the other starts, so the two never share the
# Postgres server's connections.
@pytest.fixture
def load_all_in_one(
    pg_server_url: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[LoadPlatform]:
    """`machi run --target=all` on the in-memory bus, as `make run` starts it; with
    LOAD_ALL_WORKERS, in that many processes over RabbitMQ."""
    tag = uuid.uuid4().hex[:8]
    prefix = f"l{tag}_"
    tmp = tmp_path_factory.mktemp("load-all")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = load_env(pg_server_url, prefix, tmp, url)
    amqp_url, events_prefix, workers = None, "", []
    if ALL_WORKERS:
        amqp_url, events_prefix = request.getfixturevalue("amqp_url"), f"l{tag}."
        env.update(AMQP_URL=amqp_url, EVENTS_PREFIX=events_prefix)
        workers = ["--workers", ALL_WORKERS]
    settings = _settings(pg_server_url, prefix)
    machi = Machi(env, tmp)
    with running(machi, settings, amqp_url, events_prefix):
        machi.command("migrate", timeout=300)
        machi.command("create-operator", "--email", OPERATOR[0], "--password", OPERATOR[1])
        machi.start("all", "--target=all", "--port", str(port), *workers)
        wait_http(f"{url}/readyz", timeout=300)
        shown = f"all ({ALL_WORKERS} workers, RabbitMQ)" if ALL_WORKERS else "all"
        yield LoadPlatform("all", machi, url, settings, [shown], amqp_url, events_prefix)


def split_roles() -> list[str]:
    """Every role its own process, the gateway first (the services fetch its JWKS): its relay,
    and each service's api, relay and worker (analytics' worker runs the rollups)."""
    return ["gateway", *(r for r in ROLE_NAMES if r != "gateway")]


@pytest.fixture
def load_split(
    pg_server_url: str, amqp_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LoadPlatform]:
    """Every role its own `machi run` process, talking over HTTP and RabbitMQ."""
    tag = uuid.uuid4().hex[:8]
    prefix = f"l{tag}_"
    tmp = tmp_path_factory.mktemp("load-split")
    roles = split_roles()
    ports = {role: free_port() for role in roles}
    url = f"http://127.0.0.1:{ports['gateway']}"
    env = load_env(pg_server_url, prefix, tmp, url)
    env.update(
        AMQP_URL=amqp_url,
        EVENTS_PREFIX=f"l{tag}.",
        EVENT_RETRY_DELAYS_MS="[200,500,1000]",
        JWKS_URL=f"{url}/.well-known/jwks.json",
        **{f"{s.upper()}_URL": f"http://127.0.0.1:{ports[f'{s}-api']}" for s in SERVICES},
    )
    settings = _settings(pg_server_url, prefix)
    machi = Machi(env, tmp)
    with running(machi, settings, amqp_url, f"l{tag}."):
        machi.command("migrate", timeout=300)
        machi.command("create-operator", "--email", OPERATOR[0], "--password", OPERATOR[1])
        machi.start(
            "gateway",
            "--target=gateway",
            "--port",
            str(ports["gateway"]),
            "--workers",
            str(GATEWAY_WORKERS),
        )
        wait_http(f"{url}/healthz", timeout=300)  # services fetch its JWKS as they start
        for role in roles[1:]:
            machi.start(role, f"--target={role}", "--port", str(ports[role]))
        for role in roles:
            wait_http(f"http://127.0.0.1:{ports[role]}/readyz", timeout=300)
        processes = [
            f"gateway ({GATEWAY_WORKERS} workers)" if r == "gateway" and GATEWAY_WORKERS > 1 else r
            for r in roles
        ]
        yield LoadPlatform("split", machi, url, settings, processes, amqp_url, f"l{tag}.")
