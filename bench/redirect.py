"""`/r/{code}` requests per second and p50/p99 latency, on the analytics app under uvicorn,
against a bare uvicorn app answering 302, in the same run, with wrk (Debian's) as the client.
After the load the analytics server is stopped gracefully (its lifespan flushes the click
buffer) and the clicks recorded are compared with the requests wrk sent.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres uv run python -m bench.redirect
    (optional: BENCH_SECONDS=10 BENCH_CONNECTIONS=64)
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from analytics.links import service as links
from analytics.links.schemas import LinkCreate
from analytics.settings import AnalyticsSettings
from analytics.tracking import service as tracking
from contracts.gateway import TenantCreatedV1
from kit import migrations
from kit.auth import InternalPrincipal, TokenSigner, TokenVerifier, load_or_create_key
from kit.migrations import asyncpg_dsn
from kit.runtime import ServiceRuntime
from kit.secrets import new_key
from kit.settings import MachiSettings

SERVICE = "analytics"
ISSUER = "machi-gateway"
RESULTS = Path(__file__).parent / "results" / "redirect.json"
UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Version/17.4 Mobile/15E148 Safari"


def machi_settings() -> MachiSettings:
    return MachiSettings(
        db_name_prefix="bench_", _env_file=None, database_url=os.environ["DATABASE_URL"]
    )


def _signer() -> TokenSigner:
    return TokenSigner(
        load_or_create_key(Path(os.environ["BENCH_KEY_FILE"])), issuer=ISSUER, ttl_seconds=3600
    )


def analytics_factory() -> Any:
    """uvicorn --factory: the analytics app on the bench database."""
    from analytics.app import create_app

    signer = _signer()
    verifier = TokenVerifier(SERVICE, issuer=ISSUER, jwks=signer.jwks())
    runtime = ServiceRuntime.create(SERVICE, machi_settings(), bus=None, verifier=verifier)
    return create_app(runtime, AnalyticsSettings(_env_file=None))


async def bare_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The baseline: nothing but a 302."""
    if scope["type"] != "http":
        return
    await send(
        {
            "type": "http.response.start",
            "status": 302,
            "headers": [
                (b"location", b"https://store.example/item"),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})


async def cpu_per_request(code: str, token: str, requests: int = 3000) -> float:
    """CPU microseconds one `/r/{code}` costs the analytics app, called in-process as an ASGI
    app (no server, no client): unlike requests per second, this holds on a busy machine."""
    app = analytics_factory()
    headers = [
        (b"host", b"bench"),
        (b"authorization", f"Bearer {token}".encode()),
        (b"user-agent", UA.encode()),
        (b"x-forwarded-for", b"198.51.100.7"),
    ]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": f"/r/{code}",
        "raw_path": f"/r/{code}".encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 80),
    }
    statuses: list[int] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    for _ in range(200):  # warm the link cache and the verified-token cache
        await app(dict(scope, state={}), receive, send)
    started = time.process_time()
    for _ in range(requests):
        await app(dict(scope, state={}), receive, send)
    spent = time.process_time() - started
    await app.state.runtime.close()
    if set(statuses) != {302}:
        raise RuntimeError(f"in-process redirect answered {set(statuses)}")
    return round(spent / requests * 1e6, 1)


async def prepare(settings: MachiSettings) -> tuple[uuid.UUID, str]:
    await migrations.drop(settings, SERVICE)
    await migrations.upgrade(settings, SERVICE)
    runtime = ServiceRuntime.create(
        SERVICE, settings, bus=None, verifier=TokenVerifier(SERVICE, issuer=ISSUER, jwks={})
    )
    tenant = uuid.uuid4()
    app_settings = AnalyticsSettings(_env_file=None)
    async with runtime.db.transaction(tenant) as session:
        town = TenantCreatedV1(
            slug="bench",
            name={"en": "Bench"},
            timezone="UTC",
            allowed_store_domains=["store.shopping.yahoo.co.jp"],
        )
        await tracking.on_tenant_created(session, tenant, town, 30)
        link = await links.create(
            session,
            LinkCreate(
                destination="https://store.shopping.yahoo.co.jp/takeo/a.html",
                utm={"utm_source": "bench"},
            ),
            app_settings,
        )
        code = link.code
    await runtime.close()
    return tenant, code


def serve(target: list[str], port: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        *target,
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    process = subprocess.Popen(command, env=os.environ.copy())
    for _ in range(100):
        try:
            httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=0.5)
            return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{target} did not start")


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)([a-z]+)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url: str, token: str, seconds: int, connections: int) -> dict[str, float]:
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            *(["-H", f"Authorization: Bearer {token}"] if token else []),
            "-H",
            f"User-Agent: {UA}",
            "-H",
            "X-Forwarded-For: 198.51.100.7",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Latency Distribution" not in out:
        raise RuntimeError(f"wrk said:\n{out}")
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": requests,
        "bad_responses": int(errors.group(1)) if errors else 0,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50_ms": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),  # type: ignore[union-attr]
        "p99_ms": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),  # type: ignore[union-attr]
    }


def through_gateway(seconds: int, connections: int) -> dict[str, Any]:
    """`machi run --target=gateway,analytics-api`: the gateway mints the anonymous token and
    reaches analytics in-process; the link goes straight into analytics' directory."""
    env = {
        **os.environ,
        "DB_NAME_PREFIX": "benchgw_",
        "LOG_LEVEL": "WARNING",
        "GATEWAY_SIGNING_KEY_FILE": str(Path(tempfile.mkdtemp()) / "gw.pem"),
        # wrk is one client IP: lift the gateway's per-IP public limit for the measurement.
        "PUBLIC_RATE_LIMIT_PER_MINUTE": "1000000000",
        # A split start: analytics-api and the gateway refuse to start without their keys.
        "ANALYTICS_SECRET_KEYS": new_key(),
        "GATEWAY_SECRET_KEYS": new_key(),
    }
    env.pop("AMQP_URL", None)
    command = [
        "machi",
        "run",
        "--target=gateway,analytics-api",
        "--port",
        "8913",
        "--migrate",
        "--no-seed",
    ]
    process = subprocess.Popen(["uv", "run", *command], env=env)
    try:
        for _ in range(600):
            try:
                httpx.get("http://127.0.0.1:8913/healthz", timeout=0.5)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        settings = MachiSettings(
            db_name_prefix="benchgw_", _env_file=None, database_url=os.environ["DATABASE_URL"]
        )
        tenant, code = asyncio.run(_directory_link(settings))
        figures = wrk(f"http://127.0.0.1:8913/r/{code}", "", seconds, connections)
    finally:
        stop(process)
    conn_clicks = asyncio.run(_clicks(settings, tenant))
    for service in ("catalog", "publisher", "analytics", "gateway"):
        asyncio.run(migrations.drop(settings, service))
    figures["clicks_recorded"] = conn_clicks
    figures["clicks_minus_requests"] = conn_clicks - int(figures["requests"])
    return figures


async def _directory_link(settings: MachiSettings) -> tuple[uuid.UUID, str]:
    conn = await asyncpg.connect(asyncpg_dsn(settings.owner_url(SERVICE)))
    tenant, code = uuid.uuid4(), f"gw{uuid.uuid4().hex[:8]}"
    await conn.execute(
        "INSERT INTO link_directory (code, tenant_id, link_id, destination, dimensions)"
        " VALUES ($1, $2, $2, 'https://store.shopping.yahoo.co.jp/takeo/a.html', '{}')",
        code,
        tenant,
    )
    await conn.close()
    return tenant, code


async def _clicks(settings: MachiSettings, tenant: uuid.UUID) -> int:
    conn = await asyncpg.connect(asyncpg_dsn(settings.owner_url(SERVICE)))
    count = int(await conn.fetchval("SELECT count(*) FROM clicks WHERE tenant_id = $1", tenant))
    await conn.close()
    return count


def stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)  # graceful: the lifespan flushes the click buffer
    process.wait(timeout=30)


async def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install -y wrk)")
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    connections = int(os.environ.get("BENCH_CONNECTIONS", "64"))
    key_file = Path(tempfile.mkdtemp()) / "bench-key.pem"
    os.environ["BENCH_KEY_FILE"] = str(key_file)
    settings = machi_settings()
    tenant, code = await prepare(settings)
    token = _signer().mint(
        InternalPrincipal(sub="anonymous", kind="anonymous", tenant_id=None), SERVICE
    )
    cpu_us = await cpu_per_request(code, token)
    bare = serve(["bench.redirect:bare_app"], 8911)
    try:
        baseline = wrk("http://127.0.0.1:8911/r/x", token, seconds, connections)
    finally:
        stop(bare)
    server = serve(["--factory", "bench.redirect:analytics_factory"], 8912)
    try:
        measured = wrk(f"http://127.0.0.1:8912/r/{code}", token, seconds, connections)
    finally:
        stop(server)
    try:
        gateway = await asyncio.to_thread(through_gateway, seconds, connections)
    except Exception as exc:  # the gateway is another team's moving target: report, go on
        gateway = {"error": repr(exc)}
    conn = await asyncpg.connect(asyncpg_dsn(settings.owner_url(SERVICE)))
    recorded = await conn.fetchval("SELECT count(*) FROM clicks WHERE tenant_id = $1", tenant)
    await conn.close()
    await migrations.drop(settings, SERVICE)
    figures = {
        "tool": "wrk -t2",
        "seconds": seconds,
        "connections": connections,
        "cpus": os.cpu_count(),
        # Other work on the box skews absolute figures; ratios come from the same run.
        "load_average_1m": round(os.getloadavg()[0], 2),
        "bare_uvicorn_302": baseline,
        "analytics_redirect": measured,
        # Not counted in clicks_recorded: the in-process app's buffer is never flushed.
        "analytics_cpu_us_per_request_in_process": cpu_us,
        "through_gateway": gateway,
        "rps_ratio_vs_bare": round(measured["rps"] / baseline["rps"], 3),
        "p99_ratio_vs_bare": round(measured["p99_ms"] / baseline["p99_ms"], 3),
        "clicks_recorded": recorded,
        # wrk stops counting at its deadline while each connection may still have one request
        # in flight, which the server answers and records: allow at most `connections` more.
        "clicks_minus_requests": recorded - measured["requests"],
        "clicks_match_requests": 0 <= recorded - measured["requests"] <= connections,
        "not_measured": ["nginx return 302 (not installed)"],
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
