"""Threads publishing: a container, its status until FINISHED, then threads_publish (photos,
carousels and videos: test_media_containers)."""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx

from kit.auth import InternalPrincipal
from kit.testing.fakes import serve
from kit.testing.platforms import FakeThreads
from kit.testing.plugin import principal

from .helpers import approved_and_scheduled, channel, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def test_a_text_post_goes_through_a_container_then_threads_publish(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    threads = FakeThreads()
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    account = await channel(admin, "threads", external_id=f"th-{uuid.uuid4().hex[:8]}")
    draft = await post(admin, [account["id"]], "武雄の朝市は日曜日")
    async with serve(threads.app) as base_url:
        [delivery] = await approved_and_scheduled(admin, editor, draft["id"])
        await make_dispatcher(threads_graph_url=base_url).run_until_idle()
    after = (await admin.get(f"/v1/deliveries/{delivery['id']}")).json()
    attempts = (await admin.get(f"/v1/deliveries/{delivery['id']}/attempts")).json()
    assert after["state"] == "published", attempts
    [made] = threads.posts
    assert (made["text"], made["media_type"]) == ("武雄の朝市は日曜日", "TEXT")
    assert after["platform_post_id"] == made["id"]


async def test_an_account_at_its_250_posts_waits_an_hour_without_a_container(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    threads = FakeThreads(quota_used=250)
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    account = await channel(admin, "threads", external_id=f"th-{uuid.uuid4().hex[:8]}")
    draft = await post(admin, [account["id"]], "二百五十一番目")
    async with serve(threads.app) as base_url:
        [delivery] = await approved_and_scheduled(admin, editor, draft["id"])
        await make_dispatcher(threads_graph_url=base_url).run_until_idle()
    held = (await admin.get(f"/v1/deliveries/{delivery['id']}")).json()
    assert held["state"] == "scheduled"
    wait = datetime.fromisoformat(held["next_attempt_at"]) - datetime.now(UTC)
    assert timedelta(minutes=55) < wait <= timedelta(hours=1)
    assert (threads.containers, threads.posts) == ({}, [])
