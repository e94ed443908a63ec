"""Overview report latency at N clicks (default 1,000,000): the report as served (rollups),
against a naive GROUP BY over the raw clicks computing the same numbers, in the same run.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres uv run python -m bench.reports [N]
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import httpx

from analytics.app import create_app
from analytics.rollups import service as rollups
from analytics.settings import AnalyticsSettings
from kit import migrations
from kit.auth import InternalPrincipal, TokenSigner, TokenVerifier, generate_private_key
from kit.migrations import asyncpg_dsn
from kit.runtime import ServiceRuntime
from kit.settings import MachiSettings

SERVICE = "analytics"
RESULTS = Path(__file__).parent / "results" / "reports.json"
START = datetime(2026, 1, 1, tzinfo=UTC)
NAIVE_SQL = """
SELECT count(*) FILTER (WHERE NOT is_bot) AS clicks,
       (SELECT sum(n) FROM (SELECT count(DISTINCT visitor_hash) AS n FROM clicks
         WHERE tenant_id = $1 AND NOT is_bot AND occurred_at >= $2 AND occurred_at < $3
         GROUP BY date_trunc('day', occurred_at, 'UTC')) d) AS visitors
FROM clicks WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3
"""


async def load(conn: asyncpg.Connection, tenant: uuid.UUID, n: int) -> None:
    await conn.execute(
        """
        INSERT INTO clicks (tenant_id, click_id, occurred_at, link_id, code, post_id,
                            channel_id, platform, product_id, producer_id, visitor_hash, is_bot)
        SELECT $1::uuid, md5($1::uuid::text || i),
               $2::timestamptz + (i % 2592000) * interval '1 second', $1::uuid, 'bench',
               $1::uuid, $1::uuid, 'facebook', $1::uuid, $1::uuid, md5((i % 7919)::text),
               i % 10 = 0
        FROM generate_series(1, $3) AS i
        """,
        tenant,
        START,
        n,
    )
    await conn.execute(
        "INSERT INTO rollup_dirty SELECT DISTINCT $1::uuid, date_trunc('hour', occurred_at,"
        " 'UTC') FROM clicks WHERE tenant_id = $1",
        tenant,
    )


async def timed(runs: int, call: object) -> dict[str, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        await call()  # type: ignore[operator]
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "max_ms": round(samples[-1], 2),
        "runs": runs,
    }


async def main(n: int) -> None:
    settings = MachiSettings(
        db_name_prefix="bench_", database_url=os.environ["DATABASE_URL"], _env_file=None
    )
    await migrations.drop(settings, SERVICE)
    await migrations.upgrade(settings, SERVICE)
    signer = TokenSigner(generate_private_key(), issuer="machi-gateway")
    verifier = TokenVerifier(SERVICE, issuer="machi-gateway", jwks=signer.jwks())
    runtime = ServiceRuntime.create(SERVICE, settings, bus=None, verifier=verifier)
    tenant = uuid.uuid4()
    conn = await asyncpg.connect(asyncpg_dsn(settings.owner_url(SERVICE)))
    started = time.perf_counter()
    await load(conn, tenant, n)
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    await rollups.run(runtime.jobs_db)
    rollup_s = time.perf_counter() - started
    await conn.execute("ANALYZE")
    app = create_app(runtime, AnalyticsSettings(_env_file=None))
    token = signer.mint(
        InternalPrincipal(sub="a", kind="user", tenant_id=tenant, roles=frozenset({"analyst"})),
        SERVICE,
    )
    http = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://a",
        headers={"Authorization": f"Bearer {token}"},
    )
    url = "/v1/reports/overview?start=2026-01-01&end=2026-01-31"
    report = (await http.get(url)).json()["current"]
    stop = datetime(2026, 1, 31, tzinfo=UTC)
    naive_row = await conn.fetchrow(NAIVE_SQL, tenant, START, stop)

    async def served() -> None:
        (await http.get(url)).raise_for_status()

    async def naive() -> None:
        await conn.fetchrow(NAIVE_SQL, tenant, START, stop)

    figures = {
        "clicks": n,
        "load_average_1m": round(os.getloadavg()[0], 2),
        "load_seconds": round(load_s, 1),
        "rollup_job_seconds": round(rollup_s, 1),
        "overview_from_rollups_http": await timed(20, served),
        "naive_group_by_raw_sql": await timed(5, naive),
        "same_numbers": (report["clicks"], report["visitors"])
        == (naive_row["clicks"], naive_row["visitors"]),
    }
    figures["naive_over_rollups_ratio"] = round(
        figures["naive_group_by_raw_sql"]["p50_ms"]  # type: ignore[index]
        / figures["overview_from_rollups_http"]["p50_ms"],
        1,
    )  # type: ignore[index]
    await http.aclose()
    await conn.close()
    await runtime.close()
    await migrations.drop(settings, SERVICE)
    RESULTS.parent.mkdir(exist_ok=True)
    # One entry per volume, so the 1M and 10M runs sit side by side.
    previous = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    runs = previous if "clicks" not in previous else {}
    runs[f"{n}_clicks"] = figures
    RESULTS.write_text(json.dumps(runs, indent=2) + "\n")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))
