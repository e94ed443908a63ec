"""What the door benches share: the platform started as `make run` starts it (`machi run
--target=all`, seeded demo town, in-memory bus), a bare baseline app under the same uvicorn, and
wrk driving load at a port, with the machine's load average beside every figure.

A figure alone says little on a machine shared with other work; a ratio against a baseline
measured in the same run, minutes apart, says more. Each bench therefore alternates target and
baseline and reports each pair with the load average of its moment.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

from kit.secrets import new_key

UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Version/17.4 Mobile/15E148 Safari"
ADMIN = ("admin@takeo.example", "takeo-admin")  # machi_cli.seed's demo admin
RESULTS = Path(__file__).parent / "results"


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def wait_until_up(url: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=1).status_code < 500:
                return
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {seconds:.0f}s")


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM, as a deployment stops a pod: the lifespans run (and flush what they hold)."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def all_in_one(port: int, prefix: str, **extra_env: str) -> Iterator[subprocess.Popen[bytes]]:
    """`machi run --target=all` on `port`, on databases named `prefix*` (dropped after), seeded
    with the demo town; the per-IP limits lifted so one load generator is not throttled."""
    env = {
        **os.environ,
        "DB_NAME_PREFIX": prefix,
        "LOG_JSON": "false",  # as `make run`
        "GATEWAY_SIGNING_KEY_FILE": str(Path(tempfile.mkdtemp()) / "gw.pem"),
        "PUBLIC_RATE_LIMIT_PER_MINUTE": "1000000000",
        "RATE_LIMIT_PER_MINUTE": "1000000000",
        "ANALYTICS_SECRET_KEYS": new_key(),
        "GATEWAY_SECRET_KEYS": new_key(),
        "PUBLISHER_SECRET_KEYS": new_key(),
        "CATALOG_SECRET_KEYS": new_key(),
        "JWKS_URL": f"http://127.0.0.1:{port}/.well-known/jwks.json",
        **extra_env,
    }
    env.pop("AMQP_URL", None)  # a fresh clone's `make run`: the in-memory bus
    env.pop("REDIS_URL", None)
    command = [sys.executable, "-m", "machi_cli", "run", "--target=all", "--port", str(port)]
    process = subprocess.Popen([*command, "--migrate"], env=env, stdout=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/readyz")
        _lift_plan_quotas(prefix)
        yield process
    finally:
        stop(process)
        _drop_databases(prefix)


def _lift_plan_quotas(prefix: str) -> None:
    """Every plan's `api_requests_per_minute` lifted, as the per-IP limits are: one user's
    token carries the whole load, and the plans allow a town at most 3,000 requests a minute.
    Done before the demo admin's first request, so no principal was kept with the old quota."""
    import asyncio

    import asyncpg

    from kit.migrations import asyncpg_dsn
    from kit.settings import MachiSettings

    async def lift() -> None:
        settings = MachiSettings(_env_file=None, db_name_prefix=prefix)
        conn = await asyncpg.connect(asyncpg_dsn(settings.owner_url("gateway")))
        try:
            await conn.execute(
                "UPDATE plans SET limits = limits || '{\"api_requests_per_minute\": 1000000000}'"
            )
        finally:
            await conn.close()

    asyncio.run(lift())


def _drop_databases(prefix: str) -> None:
    import asyncio

    from kit import migrations
    from kit.settings import MachiSettings

    settings = MachiSettings(_env_file=None, db_name_prefix=prefix)
    for service in ("catalog", "publisher", "analytics", "gateway"):
        with contextlib.suppress(Exception):
            asyncio.run(migrations.drop(settings, service))


def admin_token(base: str, seconds: float = 180) -> str:
    """The demo admin's access token, once the seed has made the admin."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        answer = httpx.post(
            f"{base}/v1/auth/token", json={"email": ADMIN[0], "password": ADMIN[1]}, timeout=10
        )
        if answer.status_code == 200:
            return str(answer.json()["access_token"])
        time.sleep(0.5)
    raise RuntimeError("the demo admin never appeared")


def serve(target: str, port: int, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """A baseline app under uvicorn, one worker, no access log (as the platform's servers)."""
    command = [sys.executable, "-m", "uvicorn", target, "--factory", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--log-level", "warning", "--no-access-log"], env={**os.environ, **(env or {})}
    )
    wait_until_up(f"http://127.0.0.1:{port}/healthz", 60)
    return process


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)([a-z]+)", value).groups()  # type: ignore[union-attr]
    return round(float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit], 3)


def wrk(
    url: str, seconds: int, connections: int, headers: dict[str, str], script: str | None = None
) -> dict[str, Any]:
    """wrk's requests, req/s, p50 and p99 (ms), with the load average when it ended; `script`
    is a wrk Lua script's path (requests other than a plain GET)."""
    header_args = [arg for name, value in headers.items() for arg in ("-H", f"{name}: {value}")]
    threads = min(2, connections)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script is not None:
        command += ["-s", script]
    out = subprocess.run(
        [*command, *header_args, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Latency Distribution" not in out:
        raise RuntimeError(f"wrk said:\n{out}")
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "connections": connections,
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),  # type: ignore[union-attr]
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50_ms": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),  # type: ignore[union-attr]
        "p99_ms": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),  # type: ignore[union-attr]
        "bad_responses": int(bad.group(1)) if bad else 0,
        "socket_errors": sum(map(int, errors.groups()[:3])) if errors else 0,
        "timeouts": int(errors.group(4)) if errors else 0,  # answered after wrk's 2 s, or never
        "load_average_1m": load_average(),
    }


def paired(
    target: str,
    baseline: str,
    seconds: int,
    connections: int,
    headers: dict[str, str],
    script: Callable[[], str] | None = None,
) -> dict[str, Any]:
    """Target, baseline, target again (the ratio of each neighbouring pair), so a burst of other
    work on the machine shows as two ratios that disagree rather than as one wrong figure.
    `script()` gives each of the three runs its own wrk Lua script."""

    def once(url: str) -> dict[str, Any]:
        return wrk(url, seconds, connections, headers, script() if script else None)

    first = once(target)
    base = once(baseline)
    second = once(target)
    for url, run in ((target, first), (baseline, base), (target, second)):
        if run["bad_responses"] or run["socket_errors"]:
            raise RuntimeError(
                f"{url}: {run['bad_responses']} answers not 2xx or 3xx and {run['socket_errors']}"
                " socket errors; a rate counting failures is no figure"
            )
    best = max(first, second, key=lambda r: r["rps"])
    return {
        "target": [first, second],
        "baseline": base,
        "rps_ratio": round(best["rps"] / base["rps"], 3),
        "rps_ratios_each": [round(r["rps"] / base["rps"], 3) for r in (first, second)],
        "p99_ms": min(first["p99_ms"], second["p99_ms"]),
    }
