"""`publisher.insights.collected.v1` becomes snapshots: followers feed the overview."""

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx

from analytics.handlers import SUBSCRIPTIONS, on_insights_collected
from contracts.publisher import InsightReading, InsightsCollectedV1
from kit.auth import InternalPrincipal
from kit.events import consumer
from kit.events.bus import Message
from kit.events.envelope import Envelope
from kit.events.rabbitmq import RabbitBus
from kit.runtime import ServiceRuntime
from kit.testing.plugin import delivery, principal

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


def pulled(
    channel: uuid.UUID, followers: int, taken_at: datetime, owner_kind: str = "town"
) -> InsightsCollectedV1:
    return InsightsCollectedV1(
        channel_id=channel,
        platform="facebook_page",
        taken_at=taken_at,
        owner_kind=owner_kind,
        readings=[
            InsightReading(
                object_kind="account",
                object_id="1001",
                metric="followers",
                value=followers,
                api_version="graph-v23.0",
            ),
            InsightReading(
                object_kind="post",
                object_id="1001_7",
                metric="post_clicks",
                value=45,
                api_version="graph-v23.0",
            ),
        ],
        skipped=["page_media_view: retired"],
    )


async def test_collected_insights_become_snapshots_and_overview_followers(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant, channel = uuid.uuid4(), uuid.uuid4()
    now = datetime.now(UTC)
    for followers, days in ((30_000, 40), (33_000, 1)):
        event = pulled(channel, followers, now - timedelta(days=days))
        assert await consumer.handle(on_insights_collected, runtime.db, delivery(event, tenant))
    admin = as_user(principal(tenant))
    snapshots = (await admin.get("/v1/insights/snapshots")).json()["items"]
    assert {(s["metric"], s["value"], s["api_version"]) for s in snapshots} >= {
        ("followers", 33_000, "graph-v23.0"),
        ("post_clicks", 45, "graph-v23.0"),
    }
    current = (await admin.get("/v1/reports/overview")).json()["current"]
    assert (current["followers"], current["growth"]) == (33_000, 3_000)


async def test_staff_accounts_followers_are_reported_apart_from_the_towns(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    await admin.put("/v1/settings/tracking", json={"population": 50_000})
    yesterday = datetime.now(UTC) - timedelta(days=1)
    for followers, owner in ((20_000, "town"), (5_000, "shop"), (1_200, "staff"), (300, "staff")):
        event = pulled(uuid.uuid4(), followers, yesterday, owner)
        assert await consumer.handle(on_insights_collected, runtime.db, delivery(event, tenant))
    current = (await admin.get("/v1/reports/overview")).json()["current"]
    assert (current["followers"], current["staff_followers"]) == (25_000, 1_500)
    assert current["share_of_population"] == 0.5


async def test_the_same_pull_delivered_twice_is_stored_once(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    message = delivery(pulled(uuid.uuid4(), 500, datetime.now(UTC)), tenant)
    for _ in range(2):
        await consumer.handle(on_insights_collected, runtime.db, message)
    snapshots = (await as_user(principal(tenant)).get("/v1/insights/snapshots")).json()["items"]
    assert len(snapshots) == 2  # one follower and one post reading


async def test_collected_insights_arrive_through_rabbitmq(
    as_user: Client, runtime: ServiceRuntime, rabbit_bus: RabbitBus
) -> None:
    tenant = uuid.uuid4()
    await consumer.start(SUBSCRIPTIONS, runtime.db, rabbit_bus)
    envelope: Envelope[InsightsCollectedV1] = Envelope(
        type=InsightsCollectedV1.event_type,
        source="publisher",
        tenant_id=tenant,
        payload=pulled(uuid.uuid4(), 777, datetime.now(UTC) - timedelta(hours=1)),
    )
    await rabbit_bus.publish(
        Message(str(envelope.id), envelope.type, envelope.model_dump_json().encode())
    )
    admin = as_user(principal(tenant))
    for _ in range(100):
        if (await admin.get("/v1/reports/overview")).json()["current"]["followers"] == 777:
            break
        await asyncio.sleep(0.05)
    assert (await admin.get("/v1/reports/overview")).json()["current"]["followers"] == 777
