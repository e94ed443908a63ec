"""Public pages: `/public/{town}` and `/public/{town}/store` requests per second and p99, served
by the gateway from its cache and uncached (every request composes the page from the
services), against a bare uvicorn app answering a same-sized JSON body, in one run.

Each server runs in its own process (uvicorn, one worker); the services are one fake app in
another process answering the paths the gateway calls, with realistic item counts; the load
comes from this process over keep-alive HTTP/1.1 connections (a minimal asyncio client, so the
client's own cost stays small and is the same for every target).

    uv run python -m bench.public [SECONDS_PER_TARGET] [CONNECTIONS]
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SLUG = "takeo"
PRODUCTS = 40
POSTS = 10
PLACES = 8


def fake_services_app() -> Any:
    """catalog, publisher and analytics paths the public pages use, with fixed content."""
    from fastapi import FastAPI, Response

    products = [
        {
            "id": str(uuid.UUID(int=i + 1)),
            "slug": f"product-{i}",
            "status": "published",
            "name": {"ja": f"特産品 {i}", "en": f"Specialty {i}", "ko": f"특산품 {i}"},
            "description": {"ja": "武雄の味" * 10, "en": "A taste of Takeo " * 5},
            "price_amount": 1000 + i,
            "currency": "JPY",
            "variants": [{"id": str(uuid.UUID(int=10_000 + i)), "sku": f"sku-{i}"}],
        }
        for i in range(PRODUCTS)
    ]
    app = FastAPI()
    bodies = {
        "/v1/products": {"items": products, "next_cursor": None},
        "/v1/listings": {
            "items": [  # by variant, as the catalog lists them
                {"variant_id": p["variants"][0]["id"], "stock": 5, "price_amount": 1000}
                for p in products
            ],
            "next_cursor": None,
        },
        "/v1/posts": {
            "items": [
                {
                    "id": str(i),
                    "status": "published",
                    "text": "本日の特産品 " * 8,
                    "permalinks": [f"https://www.facebook.com/takeo/posts/{i}"],
                }
                for i in range(POSTS)
            ],
            "next_cursor": None,
        },
        "/v1/places": {
            "items": [
                {"id": str(i), "name": {"ja": f"名所 {i}", "en": f"Place {i}"}}
                for i in range(PLACES)
            ],
            "next_cursor": None,
        },
        "/v1/links": {
            "items": [{"code": f"c{i}", "product_id": p["id"]} for i, p in enumerate(products)],
            "next_cursor": None,
        },
    }
    encoded = {path: json.dumps(body).encode() for path, body in bodies.items()}
    for path, body in encoded.items():

        def handler(body: bytes = body) -> Response:
            return Response(body, media_type="application/json")

        app.add_api_route(path, handler, methods=["GET"])
    return app


def bare_app(body: bytes) -> Any:
    """The baseline: a raw ASGI app answering `body`, the least a uvicorn server can do."""

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    return app


def serve_fake(port: int) -> None:
    import uvicorn

    uvicorn.run(
        fake_services_app(), host="127.0.0.1", port=port, log_level="warning", access_log=False
    )


def serve_bare(port: int, body: bytes) -> None:
    import uvicorn

    uvicorn.run(bare_app(body), host="127.0.0.1", port=port, log_level="warning", access_log=False)


def serve_gateway(port: int, database_url: str, prefix: str, services_url: str, ttl: float) -> None:
    import httpx
    import uvicorn

    from gateway.app import create_app
    from gateway.settings import GatewaySettings
    from kit.auth import TokenSigner, generate_private_key
    from kit.runtime import ServiceRuntime
    from kit.settings import MachiSettings
    from machi_cli.runner import freeze_start_up_objects

    settings = MachiSettings(database_url=database_url, db_name_prefix=prefix, _env_file=None)  # type: ignore[call-arg]
    gateway_settings = GatewaySettings(
        _env_file=None,  # type: ignore[call-arg]
        public_cache_ttl_seconds=ttl,
        public_rate_limit_per_minute=10_000_000,
        usage_flush_seconds=60,
    )
    runtime = ServiceRuntime.create("gateway", settings, bus=None)
    signer = TokenSigner(generate_private_key(), issuer=settings.internal_token_issuer)
    upstreams = {
        name: httpx.AsyncClient(base_url=services_url, timeout=10)
        for name in ("catalog", "publisher", "analytics")
    }
    app = create_app(runtime, gateway_settings, signer, upstreams)
    freeze_start_up_objects()  # as `machi run` does before it serves
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


async def _request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, raw: bytes) -> int:
    writer.write(raw)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    if length:
        await reader.readexactly(length)
    return status


async def load(port: int, path: str, seconds: float, connections: int) -> dict[str, float]:
    """Requests per second and latency percentiles of GET `path` over keep-alive connections."""
    raw = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: en\r\n\r\n".encode()
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                status = await _request(reader, writer, raw)
                latencies.append(time.perf_counter() - started)
                if status != 200:
                    errors += 1
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 2),
        "p99_ms": round(latencies[int(len(latencies) * 0.99)] * 1000, 2),
        "requests": len(latencies),
        "non_200": errors,
    }


async def wait_up(port: int) -> None:
    for _ in range(1200):  # spawned processes import the whole app first
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return
        except OSError:
            await asyncio.sleep(0.05)
    raise RuntimeError(f"nothing listens on {port}")


async def prepare(database_url: str, prefix: str) -> None:
    from gateway import bootstrap
    from kit import migrations
    from kit.db import Database
    from kit.settings import MachiSettings

    settings = MachiSettings(database_url=database_url, db_name_prefix=prefix, _env_file=None)  # type: ignore[call-arg]
    await migrations.upgrade(settings, "gateway")
    db = Database(settings.app_url("gateway"), pool_size=1)
    try:
        await bootstrap.create_tenant(
            db, SLUG, {"ja": "武雄市", "en": "Takeo"}, population=50_000, locales=["ja", "en"]
        )
    finally:
        await db.dispose()


async def drop(database_url: str, prefix: str) -> None:
    from kit import migrations
    from kit.settings import MachiSettings

    settings = MachiSettings(database_url=database_url, db_name_prefix=prefix, _env_file=None)  # type: ignore[call-arg]
    await migrations.drop(settings, "gateway")


def free_port() -> int:
    from kit.testing.fakes import free_port as pick

    return pick()


async def main(seconds: float, connections: int) -> dict[str, Any]:
    database_url = os.environ.get("TEST_DATABASE_URL") or os.environ.get(
        "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
    )
    prefix = f"b{uuid.uuid4().hex[:6]}_"
    await prepare(database_url, prefix)
    spawn = multiprocessing.get_context("spawn")
    processes: list[Any] = []

    def start(target: Any, *args: Any) -> int:
        port = free_port()
        process = spawn.Process(target=target, args=(port, *args), daemon=True)
        process.start()
        processes.append(process)
        return port

    try:
        services_port = start(serve_fake)
        services_url = f"http://127.0.0.1:{services_port}"
        cached_port = start(serve_gateway, database_url, prefix, services_url, 300.0)
        uncached_port = start(serve_gateway, database_url, prefix, services_url, 0.0)
        await asyncio.gather(*(wait_up(p) for p in (services_port, cached_port, uncached_port)))
        figures: dict[str, Any] = {}
        for page, path in (("town", f"/public/{SLUG}"), ("store", f"/public/{SLUG}/store")):
            body = await _fetch(cached_port, path)
            bare_port = start(serve_bare, body)
            await wait_up(bare_port)
            await load(bare_port, path, 1, connections)  # warm-up
            bare = await load(bare_port, path, seconds, connections)
            await load(cached_port, path, 1, connections)
            cached = await load(cached_port, path, seconds, connections)
            await load(uncached_port, path, 1, connections)  # pools filled, like the others
            uncached = await load(uncached_port, path, seconds, connections)
            figures[page] = {
                "path": path,
                "body_bytes": len(body),
                "bare_uvicorn": bare,
                "gateway_cached": cached,
                "gateway_uncached": uncached,
                "ratio_cached_to_bare": round(
                    cached["requests_per_second"] / bare["requests_per_second"], 3
                ),
                "ratio_uncached_to_bare": round(
                    uncached["requests_per_second"] / bare["requests_per_second"], 3
                ),
            }
            print(f"{page}: {json.dumps(figures[page])}", file=sys.stderr)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(5)
        await drop(database_url, prefix)
    return {
        "benchmark": "public pages",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        # Other work on the machine skews every figure: the 1-minute load when the run ended.
        "load_average_1m": round(os.getloadavg()[0], 2),
        "seconds_per_target": seconds,
        "connections": connections,
        "pages": figures,
    }


async def _fetch(port: int, path: str) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\n\r\n".encode())
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(
            int(line[15:])
            for line in head.split(b"\r\n")
            if line[:15].lower() == b"content-length:"
        )
        return await reader.readexactly(length)
    finally:
        writer.close()


def write_result(result: dict[str, Any]) -> None:
    out = Path("bench/results")
    out.mkdir(parents=True, exist_ok=True)
    (out / "public.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    write_result(
        asyncio.run(
            main(
                float(sys.argv[1]) if len(sys.argv) > 1 else 5.0,
                int(sys.argv[2]) if len(sys.argv) > 2 else 32,
            )
        )
    )
