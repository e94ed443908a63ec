import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import text

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.fakes import serve
from kit.testing.platforms import FakeThreads, FakeX
from kit.testing.plugin import principal
from publisher.channels import tokens
from publisher.dispatch.service import Dispatcher

from .conftest import events
from .helpers import channel

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


def _in(**delta: float) -> str:
    return (datetime.now(UTC) + timedelta(**delta)).isoformat()


async def _secrets(runtime: ServiceRuntime, dispatcher: Dispatcher, channel_id: str) -> dict:
    async with runtime.jobs_db.transaction() as session:
        sealed = (
            await session.execute(
                text("SELECT credentials FROM channels WHERE id = :c"), {"c": channel_id}
            )
        ).scalar_one()
    assert b"x-access-token" not in sealed
    assert b"th-long" not in sealed
    return dispatcher.vault.open(sealed)


async def _refresh(dispatcher: Dispatcher) -> None:
    await tokens.refresh_due(dispatcher.db, dispatcher.vault, dispatcher.adapters)


async def test_the_job_refreshes_an_x_token_before_it_expires_and_keeps_it_sealed(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    x = FakeX()
    admin = as_user(principal(tenant))
    soon = await channel(
        admin,
        "x",
        credentials={"access_token": "x-access-token", "refresh_token": "x-refresh-token"},
        token_expires_at=_in(minutes=10),
    )
    later = await channel(
        admin,
        "x",
        external_id="1002",
        credentials={"access_token": "x-other", "refresh_token": "x-other-refresh"},
        token_expires_at=_in(hours=5),
    )
    async with serve(x.app) as base_url:
        dispatcher = make_dispatcher(x_api_url=base_url, x_client_id="x-client")
        await _refresh(dispatcher)
    assert await _secrets(runtime, dispatcher, soon["id"]) == {
        "access_token": "x-access-token-2",
        "refresh_token": "x-refresh-token-2",
    }
    after = (await admin.get(f"/v1/channels/{soon['id']}")).json()
    assert after["status"] == "active"
    assert after["token_expires_at"] > _in(hours=1)
    assert "x-access-token-2" not in str(after)
    unchanged = await _secrets(runtime, dispatcher, later["id"])
    assert unchanged["access_token"] == "x-other"


async def test_the_job_refreshes_a_threads_long_lived_token(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    threads = FakeThreads()
    admin = as_user(principal(tenant))
    account = await channel(
        admin,
        "threads",
        credentials={"access_token": "th-long-1"},
        token_expires_at=_in(days=3),
    )
    async with serve(threads.app) as base_url:
        dispatcher = make_dispatcher(threads_graph_url=base_url)
        await _refresh(dispatcher)
    assert threads.refreshed == ["th-long-1"]
    assert (await _secrets(runtime, dispatcher, account["id"]))["access_token"] == "th-long-2"
    after = (await admin.get(f"/v1/channels/{account['id']}")).json()
    assert after["token_expires_at"] > _in(days=59)


async def test_a_refused_refresh_stops_the_channel_for_reauth(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    x = FakeX()
    admin = as_user(principal(tenant))
    account = await channel(
        admin,
        "x",
        credentials={"access_token": "x-access-token", "refresh_token": "x-revoked"},
        token_expires_at=_in(minutes=5),
    )
    async with serve(x.app) as base_url:
        dispatcher = make_dispatcher(x_api_url=base_url, x_client_id="x-client")
        await _refresh(dispatcher)
        await _refresh(dispatcher)  # a stopped channel is not asked again
    after = (await admin.get(f"/v1/channels/{account['id']}")).json()
    assert after["status"] == "needs_reauth"
    assert "refresh" in after["status_reason"]
    [told] = await events(runtime, tenant, "publisher.channel.needs_reauth.v1")
    assert told["channel_id"] == account["id"]
    assert x.refreshed.count("x-revoked") == 1
