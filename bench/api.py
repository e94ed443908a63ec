"""`GET /v1/products?limit=50` with a user's access token at the gateway's port of the all-in-one
platform (started as `make run` starts it), against a minimal FastAPI + asyncpg endpoint returning
the same 50 products with their variants from the same database, in the same run, with wrk
(32 connections, then 1). Then `POST /v1/products` with one variant, against a minimal endpoint
inserting the same product and variant rows in one transaction (32 connections).

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres uv run python -m bench.api
    (optional: BENCH_SECONDS=10 BENCH_CONNECTIONS=32)
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import tempfile
import uuid
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
    from starlette.requests import Request

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

    async def create(request: Request) -> Response:
        """The product and its variants in one transaction, answered as JSON."""
        tenant = os.environ["BENCH_TENANT"]
        data = json.loads(await request.body())
        product_id = uuid.uuid4()
        async with pool["db"].acquire() as conn, conn.transaction():
            await conn.execute(
                INSERT_PRODUCT,
                product_id,
                tenant,
                data["producer_id"],
                data["slug"],
                json.dumps(data["name"]),
                data["slug"],
            )
            variants = [
                {**v, "id": str(uuid.uuid4()), "product_id": str(product_id)}
                for v in data["variants"]
            ]
            for position, v in enumerate(variants):
                await conn.execute(
                    INSERT_VARIANT,
                    uuid.UUID(v["id"]),
                    tenant,
                    product_id,
                    v["sku"],
                    v["unit"],
                    v["price_amount"],
                    position,
                )
        body = {"id": str(product_id), **data, "variants": variants, "status": "draft"}
        return Response(json.dumps(body), status_code=201, media_type="application/json")

    # A plain Starlette route: the body is read as it is, as the gateway reads it.
    app.router.add_route("/v1/products", create, methods=["POST"])
    return app


INSERT_PRODUCT = """
INSERT INTO products (id, tenant_id, producer_id, slug, name, description, currency, status,
    search_text)
VALUES ($1, $2, $3, $4, $5::jsonb, '{}', 'JPY', 'draft', $6)
"""
INSERT_VARIANT = """
INSERT INTO variants (id, tenant_id, product_id, sku, name, unit, quantity, price_amount,
    currency, made_to_order, position)
VALUES ($1, $2, $3, $4, '{}', $5, 1, $6, 'JPY', false, $7)
"""
RUNS = itertools.count(1)
# One product with one variant per request, each slug and SKU new (per wrk thread and run).
CREATE_LUA = """
local counter, threads = 0, 0  -- `tid` is set in each thread by setup()
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  counter = counter + 1
  local n = "RUN-" .. tid .. "-" .. counter
  local body = '{"producer_id":"PRODUCER","slug":"w-' .. n .. '","name":{"en":"W ' .. n ..
    '"},"price_amount":700,"variants":[{"sku":"w-' .. n ..
    '","unit":"piece","price_amount":700}]}'
  return wrk.format(nil, nil, nil, body)
end
"""


def create_script(producer_id: str) -> str:
    """A new wrk script (its own slugs and SKUs) for one run of the create bench."""
    tag = f"{os.getpid()}x{next(RUNS)}"
    text = CREATE_LUA.replace("PRODUCER", producer_id).replace("RUN", tag)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as out:
        out.write(text)
    return out.name


def seed_products(base: str, token: str) -> tuple[str, str]:
    """`PRODUCTS` products of one producer, each with one variant; the town's tenant id and
    the producer's."""
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
        return str(http.get("/v1/me").json()["tenant_id"]), str(producer.json()["id"])


def run(seconds: int, connections: int) -> dict[str, Any]:
    base = f"http://127.0.0.1:{PORT}"
    with door.all_in_one(PORT, PREFIX):
        token = door.admin_token(base)
        tenant, producer = seed_products(base, token)
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
            create = door.paired(
                f"{base}/v1/products",
                plain,
                seconds,
                connections,
                headers,
                script=lambda: create_script(producer),
            )
        finally:
            door.stop(baseline)
    return {f"c{connections}": many, "c1": one, f"create_c{connections}": create}


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install -y wrk)")
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    connections = int(os.environ.get("BENCH_CONNECTIONS", "32"))
    figures = {
        "what": "GET /v1/products?limit=50 (user token) at the all-in-one gateway's port vs"
        " minimal FastAPI + asyncpg returning the same 50 products with their variants;"
        " create_*: POST /v1/products with one variant vs a minimal endpoint inserting the same"
        " product and variant rows in one transaction",
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
