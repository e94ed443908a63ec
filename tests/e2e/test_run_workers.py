"""`machi run --workers 2`: two processes run the all-in-one over RabbitMQ and share its port.

The supervisor migrates once and starts the workers; each binds the port with SO_REUSEPORT, so
connections are spread between them. Which worker answered is in the access log (a `pid` on each
line). On SIGTERM each worker shuts down gracefully: clicks the gateway held in memory reach
analytics' table. Without a broker, several workers are refused.
"""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from kit.settings import MachiSettings
from kit.testing.fakes import free_port
from kit.testing.waiting import eventually_sync
from machi_cli import workers
from tests import procfs
from tests.harness import LIMITS, PASSWORD, Platform

from .processes import DATABASES, Machi, base_env, running, wait_http

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

STORE = "shop.workers.example"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0"
REQUESTS = 40  # each on a new connection: the kernel picks a worker per connection


@pytest.fixture(scope="module")
def two_workers(
    pg_server_url: str, amqp_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Platform]:
    """`machi run --target=all --workers 2` on RabbitMQ. Clicks are handed over every minute
    (the longest period allowed), so most wait in memory for the shutdown; every redirect is
    logged."""
    tag = uuid.uuid4().hex[:8]
    tmp: Path = tmp_path_factory.mktemp("workers")
    env = base_env(pg_server_url, f"w{tag}_", tmp / "signing-key.pem")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env.update(
        LIMITS,
        AMQP_URL=amqp_url,
        EVENTS_PREFIX=f"w{tag}.",
        CATALOG_MEDIA_DIR=str(tmp / "media"),
        CLICK_FLUSH_SECONDS="60",
        ANALYTICS_FLUSH_SECONDS="60",
        REDIRECT_LOG_EVERY="1",
    )
    settings = MachiSettings(database_url=pg_server_url, db_name_prefix=f"w{tag}_", _env_file=None)  # type: ignore[call-arg]
    machi = Machi(env, tmp)
    with running(machi, settings, amqp_url, f"w{tag}."):
        machi.start("all", "--target=all", "--workers", "2", "--port", str(port))
        wait_ready(machi.procs["all"], f"{url}/readyz")
        yield Platform(machi, url, settings)


def wait_ready(supervisor: subprocess.Popen[bytes], url: str, timeout: float = 240) -> None:
    """Until `url` answers 200, failing at once if the supervisor exits."""
    deadline = time.monotonic() + timeout
    while True:
        assert supervisor.poll() is None, f"the supervisor exited ({supervisor.returncode})"
        try:
            wait_http(url, timeout=2)
            return
        except TimeoutError:
            assert time.monotonic() < deadline, f"{url} not ready"


def log_lines(platform: Platform) -> list[dict[str, Any]]:
    lines = (platform.machi.log_dir / "all.log").read_text(errors="replace").splitlines()
    return [json.loads(line) for line in lines if line.startswith("{")]


def worker_pids(platform: Platform) -> set[int]:
    """The supervisor's children, as the kernel lists them."""
    return set(procfs.children(platform.machi.procs["all"].pid))


def answered_by(platform: Platform, route: str, expected: int) -> list[int]:
    """The pid of each access log line of `route`, once `expected` of them are written. A worker
    writes its line after the response is sent, so the client can read the log a moment before
    the last line is there."""

    def written() -> list[int]:
        pids = [
            line["pid"]
            for line in log_lines(platform)
            if line.get("msg") == "request" and line.get("route") == route
        ]
        return pids if len(pids) >= expected else []  # empty: not yet

    return eventually_sync(written, timeout=10, what=f"{expected} access lines of {route}")


def stored_clicks(platform: Platform, tenant_id: str) -> int:
    async def count() -> int:
        engine = create_async_engine(platform.settings.owner_url("analytics"), poolclass=None)
        try:
            async with engine.connect() as conn:
                query = text("SELECT count(*) FROM clicks WHERE tenant_id = :t")
                return int((await conn.execute(query, {"t": tenant_id})).scalar_one())
        finally:
            await engine.dispose()

    return asyncio.run(count())


def test_requests_are_answered_by_both_worker_processes(two_workers: Platform) -> None:
    for _ in range(REQUESTS):
        assert httpx.get(f"{two_workers.url}/v1/me", timeout=30).status_code == 401

    pids = answered_by(two_workers, "/v1/me", REQUESTS)

    assert len(pids) == REQUESTS
    assert set(pids) == worker_pids(two_workers)
    assert len(set(pids)) == 2


def test_the_supervisor_migrates_once_before_the_workers_start(two_workers: Platform) -> None:
    supervisor = two_workers.machi.procs["all"].pid
    lines = log_lines(two_workers)

    migrating = [line for line in lines if str(line.get("msg", "")).startswith("migrating ")]

    assert sorted(line["msg"] for line in migrating) == sorted(f"migrating {d}" for d in DATABASES)
    assert {line["pid"] for line in migrating} == {supervisor}
    assert [line for line in lines if line.get("level") == "error"] == []
    seeded = [line for line in lines if line.get("msg") == "demo town seeded"]
    assert len(seeded) == 1
    assert seeded[0]["pid"] in worker_pids(two_workers)


def test_clicks_answered_by_both_workers_are_all_stored_after_sigterm(
    two_workers: Platform,
) -> None:
    slug = f"wk{uuid.uuid4().hex[:6]}"
    tenant_id = str(two_workers.new_tenant(slug, store_domains=[STORE]))
    admin = two_workers.login(f"admin@{slug}.example", PASSWORD)
    link = admin.post("/v1/links", json={"destination": f"https://{STORE}/items/tea.html"})
    assert link.status_code == 201, link.text
    code = link.json()["code"]
    headers = {"User-Agent": BROWSER}
    redirects = [
        httpx.get(f"{two_workers.url}/r/{code}", headers=headers, timeout=30)
        for _ in range(REQUESTS)
    ]
    sent = sum(1 for r in redirects if r.status_code == 302)
    assert sent == REQUESTS
    assert len(set(answered_by(two_workers, "/r/{code}", REQUESTS))) == 2

    supervisor = two_workers.machi.procs["all"]
    supervisor.send_signal(signal.SIGTERM)

    assert supervisor.wait(60) == 0
    assert stored_clicks(two_workers, tenant_id) == sent


def test_several_workers_without_a_broker_are_refused(pg_server_url: str, tmp_path: Path) -> None:
    env = base_env(pg_server_url, f"w{uuid.uuid4().hex[:8]}_", tmp_path / "signing-key.pem")

    finished = subprocess.run(
        [sys.executable, "-m", "machi_cli", "run", "--target=all", "--workers", "2"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert finished.returncode != 0
    assert workers.NEEDS_BROKER in finished.stderr
