import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx

from analytics.handlers import on_delivery_published
from contracts import samples
from kit.auth import InternalPrincipal
from kit.events import consumer
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery, principal

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def test_followers_snapshots_feed_overview_share_of_population(as_user: Client) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    await admin.put("/v1/settings/tracking", json={"population": 50_000})
    channel = str(uuid.uuid4())
    now = datetime.now(UTC)
    snapshots = [
        {
            "channel_id": channel,
            "platform": "facebook",
            "object_kind": "account",
            "object_id": "page-1",
            "metric": "followers",
            "value": value,
            "api_version": "v24.0",
            "taken_at": (now - timedelta(days=days)).isoformat(),
        }
        for value, days in ((30_000, 40), (33_000, 1))
    ]
    stored = await admin.post("/v1/insights/snapshots", json={"items": snapshots})
    assert stored.json() == {"stored": 2}
    current = (await admin.get("/v1/reports/overview")).json()["current"]
    assert (current["followers"], current["growth"]) == (33_000, 3_000)
    assert current["share_of_population"] == 0.66


async def test_usage_counts_posts_published_in_the_month(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    post = uuid.uuid4()
    for _ in range(2):  # one post on two channels
        event = samples.delivery_published(
            post_id=post, published_at=datetime(2026, 11, 3, 3, tzinfo=UTC)
        )
        await consumer.handle(on_delivery_published, runtime.db, delivery(event, tenant))
    admin = as_user(principal(tenant))
    usage = (await admin.get("/v1/usage?month=2026-11")).json()
    assert (usage["posts_published"], usage["deliveries_published"]) == (1, 2)
    assert (await admin.get("/v1/usage?month=2026-10")).json()["posts_published"] == 0
    csv = await admin.get("/v1/usage?month=2026-11&format=csv")
    assert csv.text.splitlines()[0].startswith("month,posts_published")
    assert (await admin.get("/v1/usage?month=2026-13")).status_code in (400, 422)
