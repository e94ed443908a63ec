"""Catalog list, search and import speed with 100,000 products, each against a bare query on the
same table in the same run.

List: `GET /v1/products?limit=50` (auth, RLS, ORM, variants, translations, ETag) vs a bare
asyncpg `SELECT ... ORDER BY created_at DESC, id DESC LIMIT 51` on `products`.
Search: `GET /v1/products?q=...` vs the same bare query with `search_text LIKE '%...%'`
(trigram GIN index). Each bare query also runs as the service's own role, under row-level
security: LIKE is not a leakproof operator, so under RLS Postgres may not use the trigram index
(it scans), which the owner's bare query does not show. The API looks rare texts up in the
bigram table instead (migration 0005), which RLS does not hinder (equality is leakproof).
Import: a 10,000-row CSV through `POST /v1/imports` and the import worker (in-process) vs COPY
of the same 5,000 products and 10,000 variants into the same tables (whose bigram trigger
runs for both).

    uv run python -m bench.catalog [products]      # figures printed and written to bench/results/
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import httpx
from cryptography.fernet import Fernet
from pydantic import SecretStr

from catalog.app import SERVICE, create_app
from catalog.i18n import search_text
from catalog.imports.csvformat import COLUMNS
from catalog.imports.jobs import ImportWorker
from catalog.settings import CatalogSettings
from kit import migrations
from kit.auth import InternalPrincipal, TokenSigner, TokenVerifier, generate_private_key
from kit.events.memory import MemoryBus
from kit.runtime import ServiceRuntime
from kit.settings import MachiSettings
from kit.testing.plugin import client

WORDS = [
    ("黒にんにく", "흑마늘", "black garlic"),
    ("温泉湯どうふ", "온천 두부", "onsen tofu"),
    ("嬉野茶", "우레시노 차", "ureshino tea"),
    ("レモングラス", "레몬그라스", "lemongrass"),
    ("有田焼の皿", "아리타 도자기 접시", "arita porcelain plate"),
    ("佐賀牛", "사가규", "saga beef"),
    ("海苔", "김", "nori seaweed"),
    ("いちご", "딸기", "strawberry"),
]
ROUNDS = 200
QUERIES = {"ja_common": "にんにく", "ko_two_letters": "두부", "rare": "specialty 4242"}


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    cuts = statistics.quantiles(ordered, n=100)
    return {"p50_ms": round(cuts[49] * 1000, 2), "p99_ms": round(cuts[98] * 1000, 2)}


async def timed(run: Callable[[], Awaitable[object]], rounds: int = ROUNDS) -> list[float]:
    for _ in range(10):
        await run()
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        await run()
        samples.append(time.perf_counter() - started)
    return samples


def product_records(
    tenant: uuid.UUID, producer: uuid.UUID, count: int, start: datetime, per_product: int = 1
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    products: list[tuple[object, ...]] = []
    variants: list[tuple[object, ...]] = []
    for i in range(count):
        ja, ko, en = WORDS[i % len(WORDS)]
        name = {"ja": f"{ja} {i}", "ko": f"{ko} {i}", "en": f"{en} specialty {i}"}
        product_id = uuid.uuid4()
        slug = f"item-{i}"
        created = start + timedelta(milliseconds=i)
        products.append(
            (
                product_id,
                tenant,
                producer,
                slug,
                json.dumps(name),
                "{}",
                None,
                "JPY",
                "draft",
                [],
                [],
                "[]",
                search_text(name, [slug]),
                created,
                created,
            )
        )
        variants.append(
            (
                uuid.uuid4(),
                tenant,
                product_id,
                f"SKU-{i}",
                "{}",
                "g",
                200,
                1000 + i % 5000,
                "JPY",
                10,
                False,
                None,
                0,
                created,
                created,
            )
        )
    return products, variants


PRODUCT_COLUMNS = [
    "id",
    "tenant_id",
    "producer_id",
    "slug",
    "name",
    "description",
    "price_amount",
    "currency",
    "status",
    "tags",
    "season_months",
    "media",
    "search_text",
    "created_at",
    "updated_at",
]
VARIANT_COLUMNS = [
    "id",
    "tenant_id",
    "product_id",
    "sku",
    "name",
    "unit",
    "quantity",
    "price_amount",
    "currency",
    "stock",
    "made_to_order",
    "weight_grams",
    "position",
    "created_at",
    "updated_at",
]


async def copy_catalog(
    conn: asyncpg.Connection, tenant: uuid.UUID, count: int, per_product: int = 1
) -> tuple[uuid.UUID, float]:
    """COPY a producer, `count` products and their variants; returns the producer and seconds."""
    producer = uuid.uuid4()
    await conn.execute(
        "INSERT INTO producers (id, tenant_id, kind, name, story)"
        " VALUES ($1, $2, 'farm', $3, '{}')",
        producer,
        tenant,
        json.dumps({"ja": "武雄農園"}),
    )
    products, variants = product_records(tenant, producer, count, datetime.now(UTC), per_product)
    started = time.perf_counter()
    await conn.copy_records_to_table("products", records=products, columns=PRODUCT_COLUMNS)
    await conn.copy_records_to_table("variants", records=variants, columns=VARIANT_COLUMNS)
    return producer, time.perf_counter() - started


def import_file(rows: int) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for i in range(rows):
        ja, ko, en = WORDS[i % len(WORDS)]
        writer.writerow(
            {
                "producer_code": f"p{i // 100}",
                "producer_kind": "farm",
                "producer_name_ja": f"農園{i // 100}",
                "product_slug": f"import-{i // 2}",
                "product_name_ja": f"{ja} {i // 2}",
                "product_name_ko": f"{ko} {i // 2}",
                "product_name_en": f"{en} {i // 2}",
                "variant_sku": f"IMP-{i}",
                "unit": "g",
                "quantity": "200",
                "price": str(1000 + i),
                "stock": "10",
            }
        )
    return out.getvalue().encode()


async def bench_import(
    http: httpx.AsyncClient, worker: ImportWorker, conn: asyncpg.Connection, rows: int
) -> dict[str, float]:
    data = import_file(rows)
    started = time.perf_counter()
    response = await http.post("/v1/imports", files={"file": ("bench.csv", data, "text/csv")})
    # The worker runs in this process, as with `machi run --target=all`, minus its idle poll.
    await worker.run_until_idle()
    report = (await http.get(f"/v1/imports/{response.json()['id']}")).json()
    api_seconds = time.perf_counter() - started
    assert report["status"] == "succeeded", report["errors"][:3]
    # Baseline: the same 5,000 products and 10,000 variants COPYed into the same tables.
    _, copy_seconds = await copy_catalog(conn, uuid.uuid4(), rows // 2, per_product=2)
    baseline_rate = rows / copy_seconds
    return {
        "rows": rows,
        "api_rows_per_second": round(rows / api_seconds, 1),
        "copy_rows_per_second": round(baseline_rate, 1),
        "ratio_api_to_copy": round((rows / api_seconds) / baseline_rate, 3),
    }


async def main(count: int) -> dict[str, object]:
    database_url = os.environ.get("TEST_DATABASE_URL") or os.environ.get(
        "DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
    )
    settings = MachiSettings(
        database_url=database_url, db_name_prefix=f"b{uuid.uuid4().hex[:6]}_", _env_file=None
    )
    await migrations.upgrade(settings, SERVICE)
    owner = await asyncpg.connect(migrations.asyncpg_dsn(settings.owner_url(SERVICE)))
    signer = TokenSigner(generate_private_key(), issuer=settings.internal_token_issuer)
    verifier = TokenVerifier(SERVICE, issuer=signer.issuer, jwks=signer.jwks())
    runtime = ServiceRuntime.create(SERVICE, settings, bus=MemoryBus(), verifier=verifier)
    try:
        tenant = uuid.uuid4()
        print(f"seeding {count} products ...", flush=True)
        await copy_catalog(owner, tenant, count)
        for table in ("products", "variants", "product_grams"):
            # The steady state autovacuum reaches after a bulk load: statistics, and the
            # visibility map that lets index-only scans skip the heap.
            await owner.execute(f"VACUUM (ANALYZE) {table}")
        catalog_settings = CatalogSettings(
            secret_keys=[SecretStr(Fernet.generate_key().decode())],
            media_dir=Path(tempfile.mkdtemp()),
            _env_file=None,
        )
        app = create_app(runtime, catalog_settings)
        who = InternalPrincipal(
            sub="bench", kind="user", tenant_id=tenant, roles=frozenset({"admin"})
        )
        http: httpx.AsyncClient = client(app, signer, SERVICE, who)
        bare_list = (
            "SELECT * FROM products WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC LIMIT 51"
        )
        bare_search = (
            "SELECT * FROM products WHERE tenant_id = $1 AND search_text LIKE $2"
            " ORDER BY created_at DESC, id DESC LIMIT 51"
        )
        result: dict[str, object] = {
            "benchmark": "catalog list, search, import",
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "products": count,
            "rounds": ROUNDS,
        }
        app_conn = await asyncpg.connect(migrations.asyncpg_dsn(settings.app_url(SERVICE)))

        async def as_app_role(sql: str, *args: object) -> object:
            """The same bare query as the service's role: row-level security applies."""
            async with app_conn.transaction():
                await app_conn.execute("SELECT set_config('app.tenant_id', $1, true)", str(tenant))
                return await app_conn.fetch(sql, *args)

        api = percentiles(await timed(lambda: http.get("/v1/products", params={"limit": 50})))
        bare = percentiles(await timed(lambda: owner.fetch(bare_list, tenant)))
        bare_rls = percentiles(await timed(lambda: as_app_role(bare_list, tenant)))
        result["list"] = {
            "api": api,
            "bare_query": bare,
            "bare_query_as_app_role": bare_rls,
            "ratio_p50": round(api["p50_ms"] / bare["p50_ms"], 2),
        }
        for label, query in QUERIES.items():
            pattern = f"%{search_text([query])}%"

            async def api_search(q: str = query) -> httpx.Response:
                response = await http.get("/v1/products", params={"q": q, "limit": 50})
                assert response.status_code == 200, response.text
                return response

            assert (await api_search()).json()["items"], f"{query!r} finds nothing"
            api = percentiles(await timed(api_search, rounds=ROUNDS // 2))

            async def bare_owner(p: str = pattern) -> object:
                return await owner.fetch(bare_search, tenant, p)

            async def bare_app(p: str = pattern) -> object:
                return await as_app_role(bare_search, tenant, p)

            bare = percentiles(await timed(bare_owner, rounds=ROUNDS // 2))
            bare_rls = percentiles(await timed(bare_app, rounds=ROUNDS // 2))
            result[f"search_{label}"] = {
                "query": query,
                "api": api,
                "bare_query": bare,
                "bare_query_as_app_role": bare_rls,
                "ratio_p50": round(api["p50_ms"] / bare["p50_ms"], 2),
            }
        print("importing 10,000 rows ...", flush=True)
        importer = client(
            app,
            signer,
            SERVICE,
            InternalPrincipal(
                sub="bench", kind="user", tenant_id=uuid.uuid4(), roles=frozenset({"admin"})
            ),
        )
        worker = ImportWorker(runtime, catalog_settings)
        result["import"] = await bench_import(importer, worker, owner, 10_000)
        await app_conn.close()
        return result
    finally:
        await owner.close()
        await runtime.close()
        await migrations.drop(settings, SERVICE)


def write_result(result: dict[str, object]) -> None:
    out = Path("bench/results")
    out.mkdir(parents=True, exist_ok=True)
    (out / "catalog.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    write_result(asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)))
