import asyncio
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import httpx
from prometheus_client import REGISTRY
from sqlalchemy import text

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.fakes import serve
from kit.testing.platforms import FakeMeta, FakeX, meta_error, x_too_many
from kit.testing.plugin import principal

from .conftest import events
from .helpers import approved_and_scheduled, channel, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def _scheduled(as_user: Client, tenant: uuid.UUID, platform: str, text_: str) -> dict:
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    made = await channel(admin, platform)
    draft = await post(admin, [made["id"]], text_)
    [delivery] = await approved_and_scheduled(admin, editor, draft["id"])
    return delivery


async def _delivery(as_user: Client, tenant: uuid.UUID, delivery_id: str) -> dict:
    return dict((await as_user(principal(tenant)).get(f"/v1/deliveries/{delivery_id}")).json())


async def _make_due_now(runtime: ServiceRuntime, delivery_id: str) -> None:
    """Let the backoff pass (instead of waiting for it)."""
    async with runtime.jobs_db.transaction() as session:
        await session.execute(
            text("UPDATE deliveries SET next_attempt_at = now() WHERE id = :d"), {"d": delivery_id}
        )


async def test_facebook_error_190_needs_reauth_and_is_not_retried(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    facebook = FakeMeta()
    facebook.script = [meta_error(190, "Error validating access token", 463)]
    async with serve(facebook.app) as base_url:
        delivery = await _scheduled(as_user, tenant, "facebook_page", "武雄温泉")
        dispatcher = make_dispatcher(facebook_graph_url=base_url)
        await dispatcher.run_until_idle()
        await _make_due_now(runtime, delivery["id"])
        await dispatcher.run_until_idle()
    after = await _delivery(as_user, tenant, delivery["id"])
    assert (after["state"], after["error_category"]) == ("failed", "reauth")
    assert facebook.calls == 1
    assert facebook.posts == []
    channel_row = await as_user(principal(tenant)).get(f"/v1/channels/{after['channel_id']}")
    assert channel_row.json()["status"] == "needs_reauth"
    [told] = await events(runtime, tenant, "publisher.channel.needs_reauth.v1")
    assert told["channel_id"] == after["channel_id"]
    assert (told["owner_kind"], told["owner_user"]) == ("town", None)  # the admins are told


async def test_facebook_throttling_and_server_errors_are_retried_with_backoff(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    facebook = FakeMeta()
    facebook.script = [
        meta_error(4, "Application request limit reached"),
        meta_error(17, "User request limit reached"),
        meta_error(2, "Service temporarily unavailable"),
    ]
    async with serve(facebook.app) as base_url:
        delivery = await _scheduled(as_user, tenant, "facebook_page", "熟成黒にんにく")
        dispatcher = make_dispatcher(facebook_graph_url=base_url)
        waits = []
        for _ in range(3):
            before = datetime.now(UTC)
            await dispatcher.run_until_idle()
            retry = await _delivery(as_user, tenant, delivery["id"])
            assert retry["state"] == "scheduled"
            waits.append(datetime.fromisoformat(retry["next_attempt_at"]) - before)
            await _make_due_now(runtime, delivery["id"])
        await dispatcher.run_until_idle()
    assert [round(w.total_seconds() / 60) for w in waits] == [1, 2, 4]  # 60 s doubling
    done = await _delivery(as_user, tenant, delivery["id"])
    assert done["state"] == "published"
    assert len(facebook.posts) == 1
    attempts = (
        await as_user(principal(tenant)).get(f"/v1/deliveries/{delivery['id']}/attempts")
    ).json()["items"]
    commits = [(a["outcome"], a["code"]) for a in attempts if a["phase"] == "commit"]
    assert commits == [("retry", "4"), ("retry", "17"), ("retry", "2"), ("ok", None)]
    assert (
        "x-app-usage" in attempts[-2]["rate_limit"] or "x-app-usage" in attempts[-1]["rate_limit"]
    )


async def test_facebook_duplicate_post_is_permanent(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    facebook = FakeMeta()
    facebook.script = [meta_error(506, "Duplicate status message")]
    async with serve(facebook.app) as base_url:
        delivery = await _scheduled(as_user, tenant, "facebook_page", "同じ投稿")
        await make_dispatcher(facebook_graph_url=base_url).run_until_idle()
    after = await _delivery(as_user, tenant, delivery["id"])
    assert (after["state"], after["error_category"]) == ("failed", "permanent")
    assert after["error_message"] == "Duplicate status message"
    [failed] = await events(runtime, tenant, "publisher.delivery.failed.v1")
    assert failed["category"] == "permanent"
    post_row = await as_user(principal(tenant)).get(f"/v1/posts/{after['post_id']}")
    assert post_row.json()["status"] == "failed"


async def test_x_429_waits_until_the_rate_limit_reset(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    x = FakeX()
    reset_at = int(time.time()) + 600
    x.script = [x_too_many(reset_at)]
    async with serve(x.app) as base_url:
        delivery = await _scheduled(as_user, tenant, "x", "武雄の図書館")
        await make_dispatcher(x_api_url=base_url).run_until_idle()
    after = await _delivery(as_user, tenant, delivery["id"])
    assert after["state"] == "scheduled"
    assert datetime.fromisoformat(after["next_attempt_at"]).timestamp() == reset_at
    assert len(x.calls) == 1


async def test_a_worker_killed_after_the_platform_accepted_publishes_once(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    facebook = FakeMeta()
    facebook.hang_after_commit = True  # the post lands, the answer never comes back
    async with serve(facebook.app) as base_url:
        delivery = await _scheduled(as_user, tenant, "facebook_page", "陶器の人形")
        first = make_dispatcher(facebook_graph_url=base_url, dispatch_lease_seconds=10)
        worker = asyncio.create_task(first.run_until_idle())
        while not facebook.posts:
            await asyncio.sleep(0.01)
        worker.cancel()  # the process dies before it records anything
        await asyncio.gather(worker, return_exceptions=True)
        assert (await _delivery(as_user, tenant, delivery["id"]))["state"] == "committing"
        facebook.hang_after_commit = False
        restarted = make_dispatcher(facebook_graph_url=base_url, dispatch_lease_seconds=10)
        assert await restarted.run_until_idle() == 0  # a committing delivery is never re-sent
        async with runtime.jobs_db.transaction() as session:  # the dead worker's lease runs out
            await session.execute(
                text("UPDATE deliveries SET lease_until = now() WHERE id = :d"),
                {"d": delivery["id"]},
            )
        assert await restarted.reconcile_once() == 1
        await restarted.run_until_idle()
    after = await _delivery(as_user, tenant, delivery["id"])
    assert after["state"] == "published"
    assert after["platform_post_id"] == facebook.posts[0]["id"]
    assert len(facebook.posts) == 1


async def test_a_lost_answer_makes_the_delivery_unconfirmed_not_retried(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    facebook = FakeMeta()
    facebook.hang_after_commit = True
    async with serve(facebook.app) as base_url:
        delivery = await _scheduled(as_user, tenant, "facebook_page", "レモングラス")
        dispatcher = make_dispatcher(facebook_graph_url=base_url, platform_timeout_seconds=0.3)
        await dispatcher.run_until_idle()
        assert (await _delivery(as_user, tenant, delivery["id"]))["state"] == "unconfirmed"
        [unconfirmed] = await events(runtime, tenant, "publisher.delivery.unconfirmed.v1")
        assert unconfirmed["delivery_id"] == delivery["id"]
        facebook.hang_after_commit = False
        await dispatcher.reconcile_once()
    assert (await _delivery(as_user, tenant, delivery["id"]))["state"] == "published"
    assert facebook.calls == 1
    assert len(facebook.posts) == 1


async def test_two_dispatchers_on_the_same_due_deliveries_publish_each_once(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    facebook = FakeMeta()
    facebook.latency = 0.02
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    pages = [await channel(admin, "facebook_page", external_id=str(2000 + i)) for i in range(4)]
    async with serve(facebook.app) as base_url:
        for i in range(10):
            draft = await post(admin, [p["id"] for p in pages], f"投稿 {i}")
            await approved_and_scheduled(admin, editor, draft["id"])
        one = make_dispatcher(facebook_graph_url=base_url, dispatch_batch_size=7)
        two = make_dispatcher(facebook_graph_url=base_url, dispatch_batch_size=7)
        await asyncio.gather(one.run_until_idle(), two.run_until_idle())
    messages = [p["message"] for p in facebook.posts]
    assert len(messages) == 40
    assert len({(p["id"].split("_")[0], p["message"]) for p in facebook.posts}) == 40
    listed = await admin.get("/v1/deliveries", params={"state": "published", "limit": 100})
    assert len(listed.json()["items"]) == 40


async def test_late_deliveries_are_listed(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    admin = as_user(principal(tenant))
    delivery = await _scheduled(as_user, tenant, "facebook_page", "遅れ")
    async with runtime.jobs_db.transaction() as session:  # due an hour ago, channel down
        await session.execute(
            text("UPDATE deliveries SET due_at = now() - interval '1 hour' WHERE id = :d"),
            {"d": delivery["id"]},
        )
        await session.execute(
            text("UPDATE channels SET status = 'needs_reauth' WHERE id = :c"),
            {"c": delivery["channel_id"]},
        )
    late = (await admin.get("/v1/deliveries", params={"state": "late"})).json()["items"]
    assert [d["id"] for d in late] == [delivery["id"]]
    counted = await make_dispatcher().watch_once()
    assert counted >= 1
    assert REGISTRY.get_sample_value("machi_deliveries_late") == counted  # the watchdog's gauge
