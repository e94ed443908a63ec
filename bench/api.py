"""`GET /v1/products?limit=50` with a user's access token at the gateway's port of the all-in-one
platform (started as `make run` starts it), against a minimal FastAPI + asyncpg endpoint returning
the same 50 products with their variants from the same database, in the same run, with wrk
(32 connections, then 1).

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres uv run python -m bench.api
    (optional: BENCH_SECONDS=10 BENCH_CONNECTIONS=32)
"""

from __future__ import annotations

import json
import os
import shutil
from typing import Any

import httpx

from bench import door

PORT, BASELINE_PORT = 8940, 8941
PREFIX = "benchapi_"
PRODUCTS = 50
# The rows the list answers with: the tenant's newest products, each with its variants.
ROWS_SQL = """
SELECT p.*, coalesce(
    (SELECT json_agg(v ORDER BY v.created_at) FROM variants v WHERE v.product_id = p.id), '[]'
) AS variants
FROM products p WHERE p.tenant_id = $1 ORDER BY p.created_at DESC, p.id DESC LIMIT 50
"""


def baseline_app() -> Any:
    """uvicorn --factory: FastAPI and one asyncpg query, as the database owner (no RLS)."""
    import asyncpg
    from fastapi import FastAPI, Response

    from kit.migrations import asyncpg_dsn
    from kit.settings import MachiSettings

    settings = MachiSettings(_env_file=None, db_name_prefix=PREFIX)
    pool: dict[str, Any] = {}
    app = FastAPI()

    @app.on_event("startup")
    async def connect() -> None:
        pool["db"] = await asyncpg.create_pool(asyncpg_dsn(settings.owner_url("catalog")))

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/v1/products")
    async def products() -> Response:
        tenant = os.environ["BENCH_TENANT"]
        rows = await pool["db"].fetch(ROWS_SQL, tenant)
        body = json.dumps({"items": [dict(r) for r in rows], "next_cursor": None}, default=str)
        return Response(body, media_type="application/json")

    return app


def seed_products(base: str, token: str) -> str:
    """`PRODUCTS` products of one producer, each with one variant; the town's tenant id."""
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, headers=headers, timeout=60) as http:
        producer = http.post("/v1/producers", json={"kind": "farm", "name": {"en": "Bench"}})
        producer.raise_for_status()
        for i in range(PRODUCTS):
            made = http.post(
                "/v1/products",
                json={
                    "producer_id": producer.json()["id"],
                    "slug": f"bench-{i}",
                    "name": {"en": f"Bench product {i}", "ja": f"ベンチ {i}"},
                    "price_amount": 1000 + i,
                    "variants": [
                        {"sku": f"b-{i}", "unit": "g", "quantity": 100, "price_amount": 1000}
                    ],
                },
            )
            assert made.status_code == 201, made.text
        return str(http.get("/v1/me").json()["tenant_id"])


def run(seconds: int, connections: int) -> dict[str, Any]:
    base = f"http://127.0.0.1:{PORT}"
    with door.all_in_one(PORT, PREFIX):
        token = door.admin_token(base)
        tenant = seed_products(base, token)
        baseline = door.serve("bench.api:baseline_app", BASELINE_PORT, {"BENCH_TENANT": tenant})
        try:
            headers = {"Authorization": f"Bearer {token}"}
            listed = httpx.get(f"{base}/v1/products?limit=50", headers=headers).json()["items"]
            bare = httpx.get(f"http://127.0.0.1:{BASELINE_PORT}/v1/products").json()["items"]
            assert len(listed) == len(bare) == PRODUCTS, (len(listed), len(bare))
            target = f"{base}/v1/products?limit=50"
            plain = f"http://127.0.0.1:{BASELINE_PORT}/v1/products"
            many = door.paired(target, plain, seconds, connections, headers)
            one = door.paired(target, plain, seconds, 1, headers)
        finally:
            door.stop(baseline)
    return {f"c{connections}": many, "c1": one}


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install -y wrk)")
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    connections = int(os.environ.get("BENCH_CONNECTIONS", "32"))
    figures = {
        "what": "GET /v1/products?limit=50 (user token) at the all-in-one gateway's port vs"
        " minimal FastAPI + asyncpg returning the same 50 products with their variants",
        "tool": "wrk",
        "seconds": seconds,
        "cpus": os.cpu_count(),
        "load_average_1m_at_start": door.load_average(),
        **run(seconds, connections),
    }
    out = door.RESULTS / "api.json"
    out.write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
