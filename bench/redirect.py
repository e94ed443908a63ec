"""`/r/{code}` as people click it: at the gateway's port of the all-in-one platform (started as
`make run` starts it), against a minimal FastAPI app answering the same 302, in the same run,
with wrk as the client (32 connections, then 1). After the load the platform is stopped with
SIGTERM and the clicks analytics recorded are compared with the 302s wrk received.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres uv run python -m bench.redirect
    (optional: BENCH_SECONDS=10 BENCH_CONNECTIONS=32)
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from typing import Any

import asyncpg
import httpx

from bench import door
from kit.migrations import asyncpg_dsn
from kit.settings import MachiSettings

PORT, BASELINE_PORT = 8930, 8931
PREFIX = "benchdoor_"
STORE_URL = "https://store.shopping.yahoo.co.jp/takeo-furusato/aged-black-garlic.html"
HEADERS = {"User-Agent": door.UA, "X-Forwarded-For": "198.51.100.7"}


def baseline_app() -> Any:
    """uvicorn --factory: the least FastAPI answers for a redirect."""
    from fastapi import FastAPI
    from fastapi.responses import RedirectResponse

    app = FastAPI()

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/r/{code}")
    async def follow(code: str) -> RedirectResponse:
        return RedirectResponse(f"{STORE_URL}?machi_cid={code}", 302, {"Cache-Control": "no-store"})

    return app


def make_link(base: str, token: str) -> str:
    """A tracked link to the demo town's store, made by its admin as the console makes one."""
    answer = httpx.post(
        f"{base}/v1/links",
        json={"destination": STORE_URL, "utm": {"utm_source": "bench"}},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    answer.raise_for_status()
    return str(answer.json()["code"])


async def clicks_of(code: str) -> int:
    settings = MachiSettings(_env_file=None, db_name_prefix=PREFIX)
    conn = await asyncpg.connect(asyncpg_dsn(settings.owner_url("analytics")))
    try:
        return int(await conn.fetchval("SELECT count(*) FROM clicks WHERE code = $1", code))
    finally:
        await conn.close()


def run(seconds: int, connections: int) -> dict[str, Any]:
    base = f"http://127.0.0.1:{PORT}"
    baseline = door.serve("bench.redirect:baseline_app", BASELINE_PORT)
    try:
        with door.all_in_one(PORT, PREFIX) as platform:
            code = make_link(base, door.admin_token(base))
            warm = [httpx.get(f"{base}/r/{code}", headers=HEADERS) for _ in range(20)]
            assert {r.status_code for r in warm} == {302}, [r.text for r in warm]
            target, bare = f"{base}/r/{code}", f"http://127.0.0.1:{BASELINE_PORT}/r/{code}"
            many = door.paired(target, bare, seconds, connections, HEADERS)
            one = door.paired(target, bare, seconds, 1, HEADERS)
            door.stop(platform)  # SIGTERM: the click buffers are flushed on the way out
            recorded = asyncio.run(clicks_of(code))
    finally:
        door.stop(baseline)
    sent = len(warm) + sum(r["requests"] for run in (many, one) for r in run["target"])
    # wrk stops counting at its deadline with up to one request in flight per connection, which
    # the platform still answers and records.
    in_flight = 2 * connections + 2
    return {
        "code": code,
        f"c{connections}": many,
        "c1": one,
        "redirects_counted_by_wrk": sent,
        "clicks_recorded": recorded,
        "clicks_match_redirects": 0 <= recorded - sent <= in_flight,
    }


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install -y wrk)")
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    connections = int(os.environ.get("BENCH_CONNECTIONS", "32"))
    figures = {
        "what": "/r/{code} at the all-in-one gateway's port vs minimal FastAPI RedirectResponse",
        "tool": "wrk",
        "seconds": seconds,
        "cpus": os.cpu_count(),
        "load_average_1m_at_start": door.load_average(),
        **run(seconds, connections),
    }
    out = door.RESULTS / "redirect.json"
    out.write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
