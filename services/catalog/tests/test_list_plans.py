"""The public lists stay a page's work however many products of other statuses a town keeps:
the query the API sends is explained as it ran, and no step of its plan reads and throws away
more rows than a page holds."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
from sqlalchemy import event, text

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

from .helpers import make_producer

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
DRAFTS = 3_000

ADD_PRODUCTS = text(
    """
    INSERT INTO products (id, tenant_id, producer_id, slug, name, description, currency, status,
        search_text, created_at, updated_at)
    SELECT gen_random_uuid(), :tenant, :producer, :prefix || n, '{"en": "x"}', '{}', 'JPY',
        :status, '', now() - make_interval(secs => :age) + n * interval '1 millisecond',
        now()
    FROM generate_series(1, :count) AS n
    """
)


def removed_by_filter(plan: dict[str, Any]) -> Iterator[int]:
    yield int(plan.get("Rows Removed by Filter", 0))
    for child in plan.get("Plans", []):
        yield from removed_by_filter(child)


async def test_the_published_list_reads_no_drafts_however_many_the_town_keeps(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    producer = (await make_producer(http))["id"]
    async with runtime.db.transaction(tenant) as session:
        for status, count, age in (("published", 60, 86_400), ("draft", DRAFTS, 60)):
            await session.execute(
                ADD_PRODUCTS,
                {
                    "tenant": tenant,
                    "producer": producer,
                    "prefix": f"{status}-",
                    "status": status,
                    "count": count,
                    "age": age,
                },
            )
        await session.execute(text("ANALYZE products"))

    sent: list[tuple[str, Any]] = []

    def keep(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "FROM products" in statement and "LIMIT" in statement:
            sent.append((statement, parameters))

    engine = runtime.db.engine.sync_engine
    event.listen(engine, "before_cursor_execute", keep)
    try:
        listed = await http.get("/v1/products", params={"status": "published", "limit": 50})
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    assert listed.status_code == 200
    assert len(listed.json()["items"]) == 50

    ((statement, parameters),) = sent
    async with runtime.db.transaction(tenant) as session:
        conn = await session.connection()
        explained = await conn.exec_driver_sql(
            f"EXPLAIN (ANALYZE, FORMAT JSON) {statement}", parameters
        )
        found = explained.scalar_one()
        (plan,) = json.loads(found) if isinstance(found, str) else found
    assert max(removed_by_filter(plan["Plan"])) < 50, json.dumps(plan["Plan"], indent=1)
