"""The dispatch job as the worker runs it: asleep until a commit schedules a delivery, or until
the earliest delivery it knows of comes due, never waiting for its 30-second safety net."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import httpx

from kit.auth import InternalPrincipal
from kit.jobs import run_all
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal
from kit.testing.waiting import eventually
from publisher.jobs import jobs

from .conftest import publisher_settings
from .helpers import approved_and_scheduled, channel, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
CEILING = 30.0


@contextlib.asynccontextmanager
async def dispatch_job(runtime: ServiceRuntime) -> AsyncIterator[None]:
    """The publisher's dispatch job running as in the worker, with a 30 s idle ceiling, once
    its first run (at start) is over."""
    [job] = [j for j in jobs(runtime, publisher_settings()) if j.name == "dispatch"]
    task = asyncio.create_task(run_all(runtime.jobs_db, "publisher", [job], CEILING))
    try:
        await asyncio.sleep(1)
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def published(http: httpx.AsyncClient, delivery_id: str) -> dict | None:
    found = (await http.get(f"/v1/deliveries/{delivery_id}")).json()
    return found if found["state"] == "published" else None


async def test_a_post_scheduled_now_is_published_when_its_commit_wakes_the_job(
    as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    town = await channel(admin)
    draft = await post(admin, [town["id"]], "武雄の朝市、今日から")
    async with dispatch_job(runtime):
        started = time.monotonic()
        [delivery] = await approved_and_scheduled(admin, editor, draft["id"])
        await eventually(
            lambda: published(admin, delivery["id"]), timeout=20, what="the commit's NOTIFY"
        )
        assert time.monotonic() - started < CEILING


async def test_a_post_scheduled_two_seconds_ahead_goes_out_at_its_time_unannounced(
    as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    town = await channel(admin)
    draft = await post(admin, [town["id"]], "武雄の夜市、二秒後")
    async with dispatch_job(runtime):
        at = datetime.now(UTC) + timedelta(seconds=2)
        [delivery] = await approved_and_scheduled(admin, editor, draft["id"], at=at.isoformat())
        # The scheduling commit wakes the job, which finds nothing due yet; no commit follows.
        assert (await admin.get(f"/v1/deliveries/{delivery['id']}")).json()["state"] == (
            "scheduled"
        )
        done = await eventually(
            lambda: published(admin, delivery["id"]), timeout=20, what="the due time"
        )
        assert datetime.fromisoformat(done["published_at"]) >= at
        assert datetime.now(UTC) - at < timedelta(seconds=CEILING)
