"""The city page: `/{town}/shop` requests per second and p99 from the web role, with its rendered
page kept (`WEB_PAGE_CACHE_SECONDS`) and rendered on every request, against a bare FastAPI
endpoint answering the same HTML, in one run (issue 13: the kept page at least half as fast).

Each server runs in its own process (uvicorn, one worker). The gateway is a fake answering the
public JSON documents (`/public/{town}`, `/public/{town}/store`) with 40 products in 5
categories, each with its producer's story, as
`bench.public` measures the real one; the load comes from `bench.public.load`.

    uv run python -m bench.web [SECONDS_PER_TARGET] [CONNECTIONS]
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.public import _fetch, free_port, load, wait_up

SLUG = "takeo"
PRODUCTS = 40
CATEGORIES = 5
PATH = f"/{SLUG}/shop"


def _product(i: int) -> dict[str, Any]:
    product_id = str(uuid.UUID(int=i + 1))
    media_id = str(uuid.UUID(int=1000 + i))
    return {
        "id": product_id,
        "slug": f"product-{i}",
        "name": f"特産品 {i}",
        "description": "武雄の味" * 10,
        "price_amount": 1000 + i,
        "currency": "JPY",
        "buy_url": f"/r/c{i}",
        "category_id": str(uuid.UUID(int=40_000 + i % CATEGORIES)),
        "producer": {
            "id": str(uuid.UUID(int=50_000 + i % 10)),
            "kind": "farm",
            "name": f"武雄農園 {i % 10}",
            "story": "有明海の風で育てた作物を、家族で丁寧に仕上げています。" * 2,
        },
        "media": [
            {
                "media_id": media_id,
                "alt": f"特産品 {i}",
                "urls": {
                    name: f"http://127.0.0.1:8000/v1/media/{media_id}/{name}"
                    for name in ("thumbnail", "web", "landscape")
                },
            }
        ],
        "variants": [
            {
                "id": str(uuid.UUID(int=10_000 + i)),
                "sku": f"sku-{i}",
                "name": "200 g",
                "price_amount": 1000 + i,
                "currency": "JPY",
                "stock": 5,
            }
        ],
    }


def documents() -> dict[str, bytes]:
    town = {
        "slug": SLUG,
        "name": "武雄市",
        "population": 50_000,
        "timezone": "Asia/Tokyo",
        "currency": "JPY",
        "locales": ["ja", "en", "ko"],
        "social_url": "https://www.facebook.com/takeo.city",
    }
    products = [_product(i) for i in range(PRODUCTS)]
    posts = [
        {
            "id": str(uuid.UUID(int=20_000 + i)),
            "text": "本日の特産品 " * 8,
            "created_at": "2026-12-01T03:00:00Z",
            "permalinks": [],
        }
        for i in range(5)
    ]
    places = [
        {
            "id": str(uuid.UUID(int=30_000 + i)),
            "slug": f"place-{i}",
            "kind": "onsen",
            "name": f"名所 {i}",
            "description": "",
            "address": "武雄市",
            "latitude": 33.19,
            "longitude": 130.02,
            "opening_hours": [
                {"day": day, "opens": "06:30", "closes": "24:00"}
                for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
            ],
        }
        for i in range(8)
    ]
    page = {
        "town": town,
        "posts": {"available": True, "items": posts},
        "products": {"available": True, "items": products[:6]},
        "places": {"available": True, "items": places},
    }
    categories = [
        {"id": str(uuid.UUID(int=40_000 + i)), "slug": f"category-{i}", "name": f"分類 {i}"}
        for i in range(CATEGORIES)
    ]
    store = {
        "town": town,
        "products": {"available": True, "items": [{**p, "listings": []} for p in products]},
        "categories": {"available": True, "items": categories},
    }
    return {
        f"/public/{SLUG}": json.dumps(page, ensure_ascii=False).encode(),
        f"/public/{SLUG}/store": json.dumps(store, ensure_ascii=False).encode(),
    }


def serve_fake_gateway(port: int) -> None:
    import uvicorn
    from fastapi import FastAPI, Response

    app = FastAPI()
    for path, body in documents().items():

        def handler(body: bytes = body) -> Response:
            return Response(body, media_type="application/json")

        app.add_api_route(path, handler, methods=["GET"])
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def serve_web(port: int, gateway_url: str, cache_seconds: float) -> None:
    import uvicorn

    from kit.secrets import new_key
    from web.app import create_app
    from web.settings import WebSettings

    settings = WebSettings(
        _env_file=None,  # type: ignore[call-arg]
        secret_keys=new_key(),
        gateway_url=gateway_url,
        page_cache_seconds=cache_seconds,
    )
    uvicorn.run(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning", access_log=False
    )


def serve_bare_fastapi(port: int, html: bytes) -> None:
    """The baseline the issue names: a bare FastAPI endpoint answering the same HTML."""
    import uvicorn
    from fastapi import FastAPI
    from fastapi.responses import HTMLResponse

    app = FastAPI()

    @app.get(PATH)
    async def page() -> HTMLResponse:
        return HTMLResponse(html)

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


async def main(seconds: float, connections: int) -> dict[str, Any]:
    spawn = multiprocessing.get_context("spawn")
    processes: list[Any] = []

    def start(target: Any, *args: Any) -> int:
        port = free_port()
        process = spawn.Process(target=target, args=(port, *args), daemon=True)
        process.start()
        processes.append(process)
        return port

    try:
        gateway_port = start(serve_fake_gateway)
        gateway_url = f"http://127.0.0.1:{gateway_port}"
        kept_port = start(serve_web, gateway_url, 10.0)
        rendered_port = start(serve_web, gateway_url, 0.0)
        await asyncio.gather(*(wait_up(p) for p in (gateway_port, kept_port, rendered_port)))
        html = await _fetch(kept_port, PATH)
        assert b"<html" in html, html[:200]
        bare_port = start(serve_bare_fastapi, html)
        await wait_up(bare_port)
        await load(bare_port, PATH, 1, connections)  # warm-up
        bare = await load(bare_port, PATH, seconds, connections)
        await load(kept_port, PATH, 1, connections)
        kept = await load(kept_port, PATH, seconds, connections)
        await load(rendered_port, PATH, 1, connections)
        rendered = await load(rendered_port, PATH, seconds, connections)
        figures = {
            "path": PATH,
            "html_bytes": len(html),
            "bare_fastapi": bare,
            "web_page_kept": kept,
            "web_rendered_each_request": rendered,
            "ratio_kept_to_bare": round(
                kept["requests_per_second"] / bare["requests_per_second"], 3
            ),
            "ratio_rendered_to_bare": round(
                rendered["requests_per_second"] / bare["requests_per_second"], 3
            ),
        }
        print(json.dumps(figures), file=sys.stderr)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(5)
    return {
        "benchmark": "city page (web role)",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "seconds_per_target": seconds,
        "connections": connections,
        "city_page": figures,
    }


def write_result(result: dict[str, Any]) -> None:
    out = Path("bench/results")
    out.mkdir(parents=True, exist_ok=True)
    (out / "web.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    page = result["city_page"]
    lines = [
        "# City page (web role) against a bare FastAPI HTML endpoint",
        "",
        f"{result['when']}, {result['cpus']} CPUs, load {result['load_average_1m']},"
        f" {result['seconds_per_target']} s per target, {result['connections']} connections,"
        f" {page['html_bytes']} bytes of HTML.",
        "",
        "| target | req/s | p50 ms | p99 ms | ratio to bare |",
        "|---|---|---|---|---|",
    ]
    rows = (
        ("bare FastAPI endpoint", page["bare_fastapi"], 1.0),
        ("web, page kept", page["web_page_kept"], page["ratio_kept_to_bare"]),
        (
            "web, rendered each request",
            page["web_rendered_each_request"],
            page["ratio_rendered_to_bare"],
        ),
    )
    for name, figures, ratio in rows:
        lines.append(
            f"| {name} | {figures['requests_per_second']} | {figures['p50_ms']} |"
            f" {figures['p99_ms']} | {ratio} |"
        )
    (out / "web.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10
    connections = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    write_result(asyncio.run(main(seconds, connections)))
