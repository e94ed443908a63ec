"""The insights job: channels' numbers read with their decrypted tokens from fake platforms on
loopback, published as `publisher.insights.collected.v1` through the outbox."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse

from kit.runtime import ServiceRuntime
from kit.secrets import Sealer
from kit.testing.fakes import serve
from publisher.insights.service import Collector, Target
from publisher.models import Channel, Delivery

from .conftest import events, publisher_settings

COLLECTED = "publisher.insights.collected.v1"


def fake_platforms() -> FastAPI:
    """Graph API v23.0 (`page_media_view` retired, token `expired` refused with 190) and X API v2
    (token `expired` refused with 401), in one app."""
    app = FastAPI()
    values = {"page_follows": 33000, "post_media_view": 1200, "post_clicks": 45}

    @app.get("/v23.0/{object_id}/insights")
    async def insights(object_id: str, metric: str, access_token: str) -> Any:
        if access_token == "expired":
            error = {"message": "Error validating access token", "code": 190}
            return JSONResponse({"error": error}, status_code=400)
        if metric not in values:
            error = {"message": "(#100) The value must be a valid insights metric", "code": 100}
            return JSONResponse({"error": error}, status_code=400)
        return {"data": [{"name": metric, "values": [{"value": values[metric]}]}]}

    @app.get("/2/users/{user_id}")
    async def user(user_id: str) -> Any:
        return {"data": {"id": user_id, "public_metrics": {"followers_count": 1200}}}

    return app


def fake_x_refusing() -> FastAPI:
    app = FastAPI()

    @app.get("/2/users/{user_id}")
    async def user(user_id: str) -> Any:
        return JSONResponse({"title": "Unauthorized", "status": 401}, status_code=401)

    return app


@pytest.fixture
async def collector(runtime: ServiceRuntime) -> AsyncIterator[Collector]:
    async with serve(fake_platforms()) as base, httpx.AsyncClient(timeout=5) as http:
        settings = publisher_settings(facebook_graph_url=f"{base}/v23.0", x_api_url=base)
        yield Collector(runtime.jobs_db, settings, Sealer.of(settings), http)


async def add_channel(
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    platform: str,
    external_id: str,
    token: str,
    owner_kind: str = "town",
) -> uuid.UUID:
    vault = Sealer.of(publisher_settings())
    channel = Channel(
        id=uuid.uuid4(),
        platform=platform,
        name=f"{platform} channel",
        owner_kind=owner_kind,
        external_id=external_id,
        credentials=vault.seal({"access_token": token}),
    )
    async with runtime.db.transaction(tenant) as session:
        session.add(channel)
    return channel.id


async def add_published(
    runtime: ServiceRuntime, tenant: uuid.UUID, channel: uuid.UUID, post: str, hours_ago: float
) -> None:
    published = datetime.now(UTC) - timedelta(hours=hours_ago)
    async with runtime.db.transaction(tenant) as session:
        session.add(
            Delivery(
                post_id=uuid.uuid4(),
                channel_id=channel,
                platform="facebook_page",
                state="published",
                due_at=published,
                platform_post_id=post,
                published_at=published,
            )
        )


async def test_recent_posts_pull_publishes_readings_and_names_the_retired_metric(
    runtime: ServiceRuntime, collector: Collector, tenant: uuid.UUID
) -> None:
    channel = await add_channel(runtime, tenant, "facebook_page", "1001", "page-token")
    await add_published(runtime, tenant, channel, "1001_7", hours_ago=3)
    await add_published(runtime, tenant, channel, "1001_3", hours_ago=72)  # too old

    await collector.collect(daily=False)

    [payload] = await events(runtime, tenant, COLLECTED)
    assert (payload["channel_id"], payload["platform"]) == (str(channel), "facebook_page")
    readings = {(r["object_id"], r["metric"]): r for r in payload["readings"]}
    assert readings[("1001", "followers")]["value"] == 33000
    assert readings[("1001", "followers")]["api_version"] == "graph-v23.0"
    assert readings[("1001_7", "post_clicks")]["value"] == 45
    assert not any(object_id == "1001_3" for object_id, _ in readings)
    assert "page_media_view: retired" in payload["skipped"]


async def test_the_token_never_leaves_the_publisher(
    runtime: ServiceRuntime, collector: Collector, tenant: uuid.UUID
) -> None:
    channel = await add_channel(runtime, tenant, "facebook_page", "1002", "page-token-secret")
    assert await collector.pull(Target(tenant, channel))
    [payload] = await events(runtime, tenant, COLLECTED)
    assert "page-token-secret" not in str(payload)


async def test_a_staff_members_account_is_sent_as_staff(
    runtime: ServiceRuntime, collector: Collector, tenant: uuid.UUID
) -> None:
    channel = await add_channel(runtime, tenant, "x", "43", "x-token", owner_kind="staff")
    assert await collector.pull(Target(tenant, channel))
    [payload] = await events(runtime, tenant, COLLECTED)
    assert payload["owner_kind"] == "staff"


async def test_daily_pull_reads_every_active_channel_and_survives_refused_tokens(
    runtime: ServiceRuntime, collector: Collector, tenant: uuid.UUID
) -> None:
    good = await add_channel(runtime, tenant, "x", "42", "x-token")
    expired = await add_channel(runtime, tenant, "facebook_page", "1003", "expired")

    assert await collector.run() >= 1  # the first run of a process is the daily one

    payloads = await events(runtime, tenant, COLLECTED)
    assert [p["channel_id"] for p in payloads] == [str(good)]
    assert payloads[0]["readings"][0]["value"] == 1200
    assert str(expired) not in str(payloads)


async def test_x_401_skips_the_channel_without_failing(
    runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    channel = await add_channel(runtime, tenant, "x", "43", "x-token")
    async with serve(fake_x_refusing()) as base, httpx.AsyncClient(timeout=5) as http:
        settings = publisher_settings(x_api_url=base)
        collector = Collector(runtime.jobs_db, settings, Sealer.of(settings), http)
        assert await collector.pull(Target(tenant, channel)) is False
    assert await events(runtime, tenant, COLLECTED) == []


async def test_disabled_channel_is_not_pulled(
    runtime: ServiceRuntime, collector: Collector, tenant: uuid.UUID
) -> None:
    channel = await add_channel(runtime, tenant, "facebook_page", "1004", "page-token")
    async with runtime.db.transaction(tenant) as session:
        row = await session.get(Channel, channel)
        assert row is not None
        row.status = "disabled"
    assert await collector.pull(Target(tenant, channel)) is False
    assert await events(runtime, tenant, COLLECTED) == []
