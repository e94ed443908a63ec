import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi import FastAPI
from prometheus_client import REGISTRY

from kit.auth import InternalPrincipal, TokenSigner
from kit.errors import type_uri
from kit.runtime import ServiceRuntime
from kit.testing.fakes import serve
from kit.testing.platforms import FakeLine, FakeMeta, FakeX
from kit.testing.plugin import client, principal
from publisher.app import SERVICE, create_app
from publisher.dispatch import quotas

from .conftest import publisher_settings
from .helpers import approved_and_scheduled, broadcaster, channel, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


@pytest.fixture
async def line() -> AsyncIterator[tuple[FakeLine, str]]:
    fake = FakeLine(followers=120, blocks=20, quota=200, newest_day_unready=True)
    async with serve(fake.app) as base_url:
        yield fake, base_url


def _app(runtime: ServiceRuntime, base_url: str) -> FastAPI:
    return create_app(runtime, publisher_settings(line_api_url=base_url))


async def test_a_line_broadcast_shows_the_messages_it_will_use_before_approval(
    runtime: ServiceRuntime, signer: TokenSigner, tenant: uuid.UUID, line: tuple[FakeLine, str]
) -> None:
    fake, base_url = line
    app = _app(runtime, base_url)
    admin = client(app, signer, SERVICE, broadcaster(tenant))
    editor = client(app, signer, SERVICE, broadcaster(tenant, ("editor",)))
    account = await channel(admin, "line", credentials={"access_token": "line-token"})
    body = {"text": "武雄温泉の朝市", "channel_ids": [account["id"]]}
    [shown] = (await admin.post("/v1/posts/preview", json=body)).json()["channels"]
    assert shown["broadcast"]["messages"] == 100  # 120 friends, 20 of whom blocked the account
    assert (shown["broadcast"]["remaining"], shown["valid"]) == (200, True)
    yesterday = (datetime.now(UTC) + timedelta(hours=9)).date() - timedelta(days=1)
    assert fake.insight_dates[:2] == [
        yesterday.strftime("%Y%m%d"),
        (yesterday - timedelta(days=1)).strftime("%Y%m%d"),
    ]
    draft = await post(admin, [account["id"]], body["text"])
    submitted = (await admin.post(f"/v1/posts/{draft['id']}/submit")).json()
    assert submitted["status"] == "submitted"
    assert submitted["estimates"][account["id"]]["messages"] == 100  # what the editor sees
    assert (await editor.post(f"/v1/posts/{draft['id']}/approve")).status_code == 200
    assert (await admin.post(f"/v1/posts/{draft['id']}/schedule", json={})).status_code == 200
    [delivery] = (await admin.get("/v1/deliveries", params={"post_id": draft["id"]})).json()[
        "items"
    ]
    assert delivery["estimated_messages"] == 100


async def test_a_line_broadcast_over_the_months_quota_is_refused(
    runtime: ServiceRuntime, signer: TokenSigner, tenant: uuid.UUID, line: tuple[FakeLine, str]
) -> None:
    fake, base_url = line
    fake.used = 150
    admin = client(_app(runtime, base_url), signer, SERVICE, broadcaster(tenant))
    account = await channel(admin, "line", credentials={"access_token": "line-token"})
    body = {"text": "お知らせ", "channel_ids": [account["id"]]}
    [shown] = (await admin.post("/v1/posts/preview", json=body)).json()["channels"]
    assert shown["valid"] is False
    assert shown["problems"] == [
        "this broadcast would use 100 messages; 50 of 200 remain this month"
    ]
    draft = await post(admin, [account["id"]], body["text"])
    refused = await admin.post(f"/v1/posts/{draft['id']}/submit")
    assert refused.status_code == 403
    assert refused.json()["type"] == type_uri("quota-exceeded")
    assert (await admin.get(f"/v1/posts/{draft['id']}")).json()["status"] == "draft"


async def test_broadcasting_needs_the_plans_line_broadcast_feature(
    runtime: ServiceRuntime, signer: TokenSigner, tenant: uuid.UUID, line: tuple[FakeLine, str]
) -> None:
    _, base_url = line
    admin = client(_app(runtime, base_url), signer, SERVICE, principal(tenant))
    account = await channel(admin, "line", credentials={"access_token": "line-token"})
    draft = await post(admin, [account["id"]], "お知らせ")
    refused = await admin.post(f"/v1/posts/{draft['id']}/submit")
    assert refused.status_code == 403
    assert refused.json()["type"] == type_uri("feature-not-in-plan")


async def test_the_plans_posts_per_month_limit_refuses_the_next_schedule(
    as_user: Client, tenant: uuid.UUID
) -> None:
    admin = as_user(principal(tenant, ("admin",), {"posts_per_month": 1}))
    editor = as_user(principal(tenant, ("editor",), {"posts_per_month": 1}))
    town = await channel(admin)
    first = await post(admin, [town["id"]], "一つ目")
    await approved_and_scheduled(admin, editor, first["id"])
    second = await post(admin, [town["id"]], "二つ目")
    await admin.post(f"/v1/posts/{second['id']}/submit")
    await editor.post(f"/v1/posts/{second['id']}/approve")
    refused = await admin.post(f"/v1/posts/{second['id']}/schedule", json={})
    assert refused.status_code == 403
    assert refused.json()["type"] == type_uri("quota-exceeded")


async def test_a_full_x_posting_window_holds_the_accounts_next_post(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    x = FakeX()
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    account = await channel(admin, "x", external_id=f"x-{uuid.uuid4().hex[:8]}")
    other = await channel(admin, "x", external_id=f"x-{uuid.uuid4().hex[:8]}")
    drafts = [await post(admin, [account["id"]], f"武雄 {i}") for i in range(3)]
    elsewhere = await post(admin, [other["id"]], "別のアカウント")
    waits = REGISTRY.get_sample_value(
        "machi_ratelimit_waits_total", {"platform": "x", "reason": "known_quota"}
    )
    async with serve(x.app) as base_url:
        dispatcher = make_dispatcher(x_api_url=base_url, dispatch_batch_size=1)
        # Two posts per 3 h, as the table's 300 but small enough to fill in a test.
        dispatcher.quotas = quotas.Counters(
            [quotas.Quota("x", 2, timedelta(hours=3), False, "test")]
        )
        for draft in [*drafts, elsewhere]:
            await approved_and_scheduled(admin, editor, draft["id"])
            await dispatcher.run_until_idle()
    assert sorted(p["text"] for p in x.posts) == ["別のアカウント", "武雄 0", "武雄 1"]
    [held] = [
        d
        for d in (await admin.get("/v1/deliveries", params={"state": "scheduled"})).json()["items"]
        if d["post_id"] == drafts[2]["id"]
    ]
    wait = datetime.fromisoformat(held["next_attempt_at"]) - datetime.now(UTC)
    assert timedelta(hours=2, minutes=55) < wait <= timedelta(hours=3)
    after = REGISTRY.get_sample_value(
        "machi_ratelimit_waits_total", {"platform": "x", "reason": "known_quota"}
    )
    assert (after or 0) - (waits or 0) == 1


async def test_an_instagram_account_at_its_publishing_limit_waits_without_a_container(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    instagram = FakeMeta(ig_quota_used=25, ig_quota_total=25)
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    account = await channel(admin, "instagram", external_id=f"ig-{uuid.uuid4().hex[:8]}")
    image = {"url": "https://machi.test/m/tofu.jpg", "width": 1080, "height": 1080}
    draft = await post(admin, [account["id"]], "湯豆腐", media=[image])
    async with serve(instagram.app) as base_url:
        [delivery] = await approved_and_scheduled(admin, editor, draft["id"])
        await make_dispatcher(facebook_graph_url=base_url).run_until_idle()
    held = (await admin.get(f"/v1/deliveries/{delivery['id']}")).json()
    assert held["state"] == "scheduled"
    wait = datetime.fromisoformat(held["next_attempt_at"]) - datetime.now(UTC)
    assert timedelta(minutes=55) < wait <= timedelta(hours=1)
    assert instagram.containers == {}
    assert instagram.ig_posts == []
