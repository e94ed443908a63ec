import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx
from sqlalchemy import text

from analytics.handlers import on_delivery_published, on_product_published
from analytics.rollups.repository import DAY_VISITORS_SQL
from contracts import samples
from kit.auth import InternalPrincipal
from kit.events import consumer
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery, principal

from .helpers import roll_up

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
START = datetime(2026, 1, 1, tzinfo=UTC)
PERIOD = "start=2026-01-01&end=2026-01-31"


async def bulk_clicks(
    owner: asyncpg.Connection,
    tenant: uuid.UUID,
    n: int,
    posts: list[uuid.UUID],
    products: list[uuid.UUID],
    producers: list[uuid.UUID],
) -> None:
    """`n` clicks over 30 days, 10 % bots, spread over posts, products and producers."""
    await owner.execute(
        """
        INSERT INTO clicks (tenant_id, click_id, occurred_at, link_id, code, post_id,
                            channel_id, platform, product_id, producer_id, visitor_hash,
                            is_bot, bot_reason)
        SELECT $1::uuid, left($1::uuid::text, 8) || i,
               $2::timestamptz + (i % 2592000) * interval '1 second',
               $1::uuid, 'bulk',
               ($3::uuid[])[1 + i % 4], ($3::uuid[])[1 + i % 2], 'facebook',
               ($4::uuid[])[1 + i % 3], ($5::uuid[])[1 + (i % 3) % 2],
               'v' || (i % 7919), i % 10 = 0, CASE WHEN i % 10 = 0 THEN 'generic-bot' END
        FROM generate_series(1, $6) AS i
        """,
        tenant,
        START,
        posts,
        products,
        producers,
        n,
    )
    await owner.execute(
        "INSERT INTO rollup_dirty (tenant_id, hour) SELECT DISTINCT $1::uuid,"
        " date_trunc('hour', occurred_at, 'UTC') FROM clicks WHERE tenant_id = $1",
        tenant,
    )


async def publish_products(
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    products: list[uuid.UUID],
    producers: list[uuid.UUID],
) -> None:
    for i, product in enumerate(products):
        event = samples.product_published(
            product_id=product,
            producer_id=producers[i % 2],
            slug=f"p{i}",
            name={"en": f"P{i}"},
            producer_name={"en": "farm"},
        )
        await consumer.handle(on_product_published, runtime.db, delivery(event, tenant))


async def test_report_over_a_million_clicks_equals_raw_counts(
    as_user: Client, owner: asyncpg.Connection, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    posts = [uuid.uuid4() for _ in range(4)]
    products = [uuid.uuid4() for _ in range(3)]
    producers = [uuid.uuid4() for _ in range(2)]
    await publish_products(runtime, tenant, products, producers)
    await bulk_clicks(owner, tenant, 1_000_000, posts, products, producers)
    await roll_up(runtime)
    admin = as_user(principal(tenant))

    overview = (await admin.get(f"/v1/reports/overview?{PERIOD}")).json()["current"]
    raw = await owner.fetchrow(
        "SELECT count(*) FILTER (WHERE NOT is_bot) AS clicks,"
        " count(*) FILTER (WHERE is_bot) AS bots FROM clicks WHERE tenant_id = $1",
        tenant,
    )
    visitors = await owner.fetchval(
        "SELECT sum(n) FROM (SELECT count(DISTINCT visitor_hash) AS n FROM clicks"
        " WHERE tenant_id = $1 AND NOT is_bot GROUP BY date_trunc('day', occurred_at, 'UTC')) d",
        tenant,
    )
    assert (overview["clicks"], overview["bot_clicks"], overview["visitors"]) == (
        raw["clicks"],
        raw["bots"],
        visitors,
    )
    assert overview["clicks"] == 900_000

    by_post = {
        r["key"]: r["clicks"]
        for r in (await admin.get(f"/v1/reports/posts?{PERIOD}")).json()["items"]
    }
    raw_posts = await owner.fetch(
        "SELECT post_id::text AS key, count(*) AS n FROM clicks WHERE tenant_id = $1"
        " AND NOT is_bot GROUP BY 1",
        tenant,
    )
    assert by_post == {r["key"]: r["n"] for r in raw_posts}

    by_product = {
        r["product_id"]: r["clicks"]
        for r in (await admin.get(f"/v1/reports/products?{PERIOD}")).json()["items"]
    }
    raw_products = await owner.fetch(
        "SELECT product_id::text AS key, count(*) AS n FROM clicks WHERE tenant_id = $1"
        " AND NOT is_bot GROUP BY 1",
        tenant,
    )
    assert by_product == {r["key"]: r["n"] for r in raw_products}

    csv = await admin.get(f"/v1/reports/overview.csv?{PERIOD}")
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("period,")
    svg = await admin.get(f"/v1/reports/overview?{PERIOD}&format=svg")
    assert svg.headers["content-type"] == "image/svg+xml"
    assert svg.text.startswith("<svg")
    assert svg.text.count("<rect") > 10


async def test_late_click_corrects_its_hour(
    as_user: Client, owner: asyncpg.Connection, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    post = uuid.uuid4()
    await bulk_clicks(owner, tenant, 100, [post] * 4, [uuid.uuid4()] * 3, [uuid.uuid4()] * 2)
    await roll_up(runtime)
    admin = as_user(principal(tenant))
    before = (await admin.get(f"/v1/reports/overview?{PERIOD}")).json()["current"]["clicks"]
    late = START + timedelta(hours=3, minutes=5)
    await owner.execute(
        "INSERT INTO clicks (tenant_id, click_id, occurred_at, link_id, code, post_id,"
        " is_bot) VALUES ($1, $2, $3, $1, 'late', $4, false)",
        tenant,
        uuid.uuid4().hex,
        late,
        post,
    )
    await owner.execute("INSERT INTO rollup_dirty VALUES ($1, $2)", tenant, late.replace(minute=0))
    await roll_up(runtime)
    after = (await admin.get(f"/v1/reports/overview?{PERIOD}")).json()["current"]["clicks"]
    assert after == before + 1


async def test_producer_reading_another_producers_report_gets_404(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    await publish_products(runtime, tenant, [uuid.uuid4(), uuid.uuid4()], [mine, theirs])
    producer = InternalPrincipal(
        sub="farmer",
        kind="user",
        tenant_id=tenant,
        roles=frozenset({"producer"}),
        producer_ids=frozenset({mine}),
    )
    http = as_user(producer)
    assert (await http.get(f"/v1/reports/producers/{theirs}")).status_code == 404
    own = await http.get(f"/v1/reports/producers/{mine}")
    assert own.status_code == 200
    assert [p["producer_id"] for p in own.json()["products"]] == [str(mine)]
    listed = (await http.get("/v1/reports/products")).json()["items"]
    assert {p["producer_id"] for p in listed} == {str(mine)}
    assert (await http.get(f"/v1/reports/products?producer_id={theirs}")).status_code == 404


async def test_every_report_exports_csv(as_user: Client) -> None:
    admin = as_user(principal(uuid.uuid4()))
    for name in ("overview", "posts", "products", "producers", "channels", "best-times"):
        response = await admin.get(f"/v1/reports/{name}?format=csv")
        assert response.status_code == 200, name
        assert response.headers["content-type"].startswith("text/csv"), name
        suffixed = await admin.get(f"/v1/reports/{name}.csv")
        assert suffixed.status_code == 200, name
    heatmap = await admin.get("/v1/reports/best-times.svg")
    assert heatmap.headers["content-type"] == "image/svg+xml"


async def test_best_times_rank_publishing_slots_with_enough_deliveries(
    as_user: Client, owner: asyncpg.Connection, runtime: ServiceRuntime
) -> None:
    tenant, channel = uuid.uuid4(), uuid.uuid4()
    admin = as_user(principal(tenant))
    await admin.put("/v1/settings/tracking", json={"timezone": "Asia/Tokyo"})
    monday_noon_jst = datetime(2026, 1, 5, 3, tzinfo=UTC)
    slots = [monday_noon_jst + timedelta(weeks=w) for w in range(3)]
    slots.append(monday_noon_jst + timedelta(days=1, hours=5))  # Tuesday 17:00, once only
    for n, published in enumerate(slots):
        post = uuid.uuid4()
        event = samples.delivery_published(
            post_id=post,
            channel_id=channel,
            platform="facebook",
            platform_post_id=str(n),
            published_at=published,
        )
        await consumer.handle(on_delivery_published, runtime.db, delivery(event, tenant))
        await owner.execute(
            "INSERT INTO clicks (tenant_id, click_id, occurred_at, link_id, code, post_id,"
            " is_bot) SELECT $1::uuid, md5($2 || i), $3::timestamptz + i * interval '1 minute',"
            " $1::uuid, 'bt', $4::uuid, false FROM generate_series(1, $5) i",
            tenant,
            str(post),
            published,
            post,
            10 * (n + 1),
        )
    await owner.execute(
        "INSERT INTO rollup_dirty SELECT DISTINCT $1::uuid, date_trunc('hour', occurred_at,"
        " 'UTC') FROM clicks WHERE tenant_id = $1",
        tenant,
    )
    await roll_up(runtime)
    report = (await admin.get("/v1/reports/best-times?start=2026-01-01&end=2026-02-01")).json()
    assert report["timezone"] == "Asia/Tokyo"
    assert [
        (i["weekday"], i["hour"], i["samples"], i["average_clicks"]) for i in report["items"]
    ] == [(0, 12, 3, 20.0)]


async def test_product_stats_keep_all_time_totals_from_rollups(
    owner: asyncpg.Connection, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    products, producers = [uuid.uuid4()] * 3, [uuid.uuid4()] * 2
    await publish_products(runtime, tenant, products[:1], producers)
    await bulk_clicks(owner, tenant, 50, [uuid.uuid4()] * 4, products, producers)
    await roll_up(runtime)
    clicks = await owner.fetchval(
        "SELECT clicks FROM product_stats WHERE product_id = $1", products[0]
    )
    assert clicks == 45  # 50 clicks, every tenth a bot


async def test_producer_overview_counts_only_their_own_clicks(
    as_user: Client, owner: asyncpg.Connection, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    await bulk_clicks(owner, tenant, 300, [uuid.uuid4()] * 4, [uuid.uuid4()] * 3, [mine, theirs])
    await roll_up(runtime)
    producer = InternalPrincipal(
        sub="farmer",
        kind="user",
        tenant_id=tenant,
        roles=frozenset({"producer"}),
        producer_ids=frozenset({mine}),
    )
    overview = (await as_user(producer).get(f"/v1/reports/overview?{PERIOD}")).json()
    raw = await owner.fetchval(
        "SELECT count(*) FROM clicks WHERE tenant_id = $1 AND producer_id = $2 AND NOT is_bot",
        tenant,
        mine,
    )
    assert overview["current"]["clicks"] == raw
    assert overview["current"]["followers"] is None
    assert (await as_user(producer).get("/v1/reports/posts")).status_code == 403


def _nodes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Every node of an EXPLAIN (FORMAT JSON) plan."""
    return [plan, *(node for child in plan.get("Plans", []) for node in _nodes(child))]


async def test_day_visitors_are_counted_once_whatever_join_the_planner_picks(
    owner: asyncpg.Connection, runtime: ServiceRuntime
) -> None:
    # A backfill's fresh rows leave the statistics behind; the planner may then join the day
    # rows to the visitors' count by a nested loop. The count must still run once, not once
    # per day row (in a suite run that was 14 minutes over a million clicks).
    tenant = uuid.uuid4()
    await bulk_clicks(owner, tenant, 2_000, [uuid.uuid4()] * 4, [uuid.uuid4()] * 3, [uuid.uuid4()])
    await roll_up(runtime)
    days = [START + timedelta(days=i) for i in range(30)]
    params = {"tenant": tenant, "days": days, "tz": "UTC", "start": days[0]}
    params["stop"] = days[-1] + timedelta(hours=25)
    explain = text("EXPLAIN (ANALYZE, FORMAT JSON) " + str(DAY_VISITORS_SQL)).bindparams(
        *DAY_VISITORS_SQL._bindparams.values()
    )
    async with runtime.jobs_db.transaction() as session:
        await session.execute(text("SET LOCAL enable_hashjoin = off"))
        await session.execute(text("SET LOCAL enable_mergejoin = off"))
        plan = (await session.execute(explain, params)).scalar_one()[0]["Plan"]
        await session.rollback()
    nodes = _nodes(plan)
    assert any(n["Node Type"] == "Nested Loop" and n["Actual Loops"] == 1 for n in nodes)
    counts = [n for n in nodes if n["Node Type"] == "Aggregate"]
    assert counts
    assert [n["Actual Loops"] for n in counts] == [1] * len(counts)
