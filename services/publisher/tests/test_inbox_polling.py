"""The citizen inbox's polled platforms (issue 16): X mentions and Mastodon mention
notifications read by the worker from fakes serving the documented shapes and limits, threaded
like webhook events, answered once, and settled by looking on the platform when an answer was
lost."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from kit import outbound, wakeups
from kit.auth import InternalPrincipal
from kit.outbound import OutboundPolicy
from kit.runtime import ServiceRuntime
from kit.secrets import Sealer
from kit.testing import platforms as fake
from kit.testing.fakes import serve
from kit.testing.plugin import principal
from publisher.inbox import jobs as inbox_jobs
from publisher.inbox import polling, replies
from publisher.inbox import repository as inbox_repo

from .conftest import events, publisher_settings
from .helpers import channel, killed_while_sending, started_ago

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
X_CITIZEN = ("7001", "hanako_s")
MASTODON_CITIZEN = ("8001", "sato@example.social")


# The fakes answer on loopback; a starved machine can still take seconds to do so.
FAKE_TIMEOUT = 10.0


@pytest.fixture
async def x_api() -> AsyncIterator[tuple[fake.FakeX, str]]:
    platform = fake.FakeX()
    async with serve(platform.app) as url:
        yield platform, url
    platform.hang_after_post = False


@pytest.fixture
async def instance() -> AsyncIterator[tuple[fake.FakeMastodon, str]]:
    platform = fake.FakeMastodon()
    async with serve(platform.app) as url:
        yield platform, url
    platform.hang_after_status = False


async def desk(as_user: Client, tenant: uuid.UUID, made: dict) -> dict[str, Any]:
    """The town's admin, a staff member, and a rule giving the channel's threads to that staff
    member."""
    staff = principal(tenant, ("staff",))
    admin = as_user(principal(tenant))
    rule = {"channel_id": made["id"], "assignee": staff.sub}
    assert (await admin.post("/v1/settings/inbox/rules", json=rule)).status_code == 201
    return {"admin": admin, "staff": as_user(staff), "sub": staff.sub, "channel": made}


@pytest.fixture
async def x_town(as_user: Client, tenant: uuid.UUID) -> dict[str, Any]:
    admin = as_user(principal(tenant))
    # An account of its own per test: the governor's blocks are per account, across tests.
    account = str(uuid.uuid4().int % 10**12)
    made = await channel(
        admin, "x", external_id=account, credentials={"access_token": f"x-access-{account}"}
    )
    return {**await desk(as_user, tenant, made), "account": account}


@pytest.fixture
async def mastodon_town(
    as_user: Client, tenant: uuid.UUID, instance: tuple[fake.FakeMastodon, str]
) -> dict[str, Any]:
    platform, url = instance
    admin = as_user(principal(tenant))
    made = await channel(
        admin,
        "mastodon",
        external_id=platform.account_id,
        credentials={"access_token": "m-user-token"},
        config={"instance_url": url},
    )
    return await desk(as_user, tenant, made)


NOWHERE = "http://127.0.0.1:9"  # a platform a test does not fake: refused at once


def settings_for(x_url: str = "", graph_url: str = "") -> Any:
    return publisher_settings(
        x_api_url=x_url or NOWHERE,
        facebook_graph_url=graph_url or NOWHERE,
        line_api_url=NOWHERE,
    )


async def poll(
    runtime: ServiceRuntime, instances: httpx.AsyncClient, tenant: uuid.UUID, x_url: str = ""
) -> int:
    """The worker's poll job, once, then its ingest job (as the worker runs both); how many
    events it stored for `tenant`. The job reads every town's due channels, and towns other
    modules left in the database have X and Mastodon channels too (answered by this fake)."""
    settings = settings_for(x_url)
    before = await events_of(runtime, tenant)
    async with httpx.AsyncClient(timeout=FAKE_TIMEOUT) as http:
        await polling.poll_once(runtime.jobs_db, Sealer.of(settings), settings, http, instances)
    await inbox_jobs.ingest_once(runtime.jobs_db)
    return await events_of(runtime, tenant) - before


async def events_of(runtime: ServiceRuntime, tenant: uuid.UUID) -> int:
    async with runtime.jobs_db.transaction() as session:
        found = await session.execute(
            text("SELECT count(*) FROM inbox_events WHERE tenant_id = :t"), {"t": tenant}
        )
        return int(found.scalar_one())


async def send(runtime: ServiceRuntime, instances: httpx.AsyncClient, x_url: str = "") -> int:
    settings = settings_for(x_url)
    async with httpx.AsyncClient(timeout=FAKE_TIMEOUT) as http:
        return await replies.send_once(
            runtime.jobs_db, Sealer.of(settings), settings, http, instances=instances
        )


async def reconcile(
    runtime: ServiceRuntime, instances: httpx.AsyncClient, x_url: str = "", graph_url: str = ""
) -> int:
    settings = settings_for(x_url, graph_url)
    async with httpx.AsyncClient(timeout=FAKE_TIMEOUT) as http:
        return await replies.reconcile_once(
            runtime.jobs_db, Sealer.of(settings), settings, http, instances
        )


async def sql(runtime: ServiceRuntime, statement: str, **values: Any) -> list[Any]:
    async with runtime.jobs_db.transaction() as session:
        result = await session.execute(text(statement), values)
        return list(result.all()) if result.returns_rows else []


async def due_now(runtime: ServiceRuntime, tenant: uuid.UUID) -> None:
    """Let the channel's pace pass (instead of waiting for it)."""
    await sql(runtime, "UPDATE inbox_polls SET next_poll_at = now() WHERE tenant_id = :t", t=tenant)


async def stored_events(runtime: ServiceRuntime, tenant: uuid.UUID) -> int:
    rows = await sql(runtime, "SELECT count(*) FROM inbox_events WHERE tenant_id = :t", t=tenant)
    return int(rows[0][0])


async def threads(client: httpx.AsyncClient) -> list[dict]:
    listed = await client.get("/v1/conversations")
    assert listed.status_code == 200, listed.text
    return list(listed.json()["items"])


async def history(client: httpx.AsyncClient, conversation_id: str) -> list[dict]:
    read = await client.get(f"/v1/conversations/{conversation_id}")
    assert read.status_code == 200, read.text
    return list(read.json()["messages"])


async def reply(client: httpx.AsyncClient, conversation_id: str, words: str) -> dict:
    made = await client.post(f"/v1/conversations/{conversation_id}/replies", json={"text": words})
    assert made.status_code == 202, made.text
    return dict(made.json())


def reads_of(platform: fake.FakeX, town: dict) -> list[dict[str, str]]:
    return [r for r in platform.mention_reads if r["user"] == town["account"]]


# --- X -------------------------------------------------------------------------------------------


async def test_an_x_mention_is_polled_assigned_answered_once_under_it(
    x_town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    instances: httpx.AsyncClient,
    x_api: tuple[fake.FakeX, str],
) -> None:
    platform, url = x_api
    asked = platform.mention(X_CITIZEN, "@takeo_city When is the onsen tofu festival?")

    assert await poll(runtime, instances, tenant, url) == 1
    (thread,) = await threads(x_town["staff"])
    answered = await reply(x_town["staff"], thread["id"], "Saturday the 12th, from 10:00")
    await send(runtime, instances, url)
    await send(runtime, instances, url)

    (read,) = reads_of(platform, x_town)
    assert read["expansions"] == "author_id"
    assert "since_id" not in read
    assert (thread["platform"], thread["kind"]) == ("x", "comment")
    assert (thread["post_ref"], thread["author_id"]) == (asked["id"], X_CITIZEN[0])
    assert (thread["author_name"], thread["assignee"]) == ("hanako_s", x_town["sub"])
    said = await history(x_town["staff"], thread["id"])
    assert [(m["direction"], m["text"]) for m in said] == [
        ("in", asked["text"]),
        ("out", "Saturday the 12th, from 10:00"),
    ]
    (posted,) = platform.posts
    assert (posted["in_reply_to"], posted["text"]) == (asked["id"], "Saturday the 12th, from 10:00")
    assert said[-1]["id"] == answered["id"]
    assert (said[-1]["state"], said[-1]["platform_message_id"]) == ("sent", posted["id"])
    (replied,) = await events(runtime, tenant, "publisher.conversation.replied.v1")
    assert (replied["conversation_id"], replied["platform"]) == (thread["id"], "x")


async def test_an_x_repoll_reads_from_the_cursor_and_the_same_mentions_add_nothing(
    x_town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    instances: httpx.AsyncClient,
    x_api: tuple[fake.FakeX, str],
) -> None:
    platform, url = x_api
    first = platform.mention(X_CITIZEN, "@takeo_city Is the library open?")
    await poll(runtime, instances, tenant, url)
    paced = await poll(runtime, instances, tenant, url)  # its pace has not passed: no read at all
    await due_now(runtime, tenant)
    again = await poll(runtime, instances, tenant, url)
    more = platform.mention(
        X_CITIZEN,
        "@takeo_city And on Sunday?",
        in_reply_to=first["id"],
        conversation_id=first["id"],
    )
    await due_now(runtime, tenant)
    later = await poll(runtime, instances, tenant, url)
    # A lost cursor reads the same mentions again: stored once, threaded once.
    await sql(runtime, "UPDATE inbox_polls SET cursor = NULL WHERE tenant_id = :t", t=tenant)
    await due_now(runtime, tenant)
    repeated = await poll(runtime, instances, tenant, url)

    assert (paced, again, later, repeated) == (0, 0, 1, 0)
    assert [r.get("since_id") for r in reads_of(platform, x_town)] == [
        None,
        first["id"],
        first["id"],
        None,
    ]
    assert await stored_events(runtime, tenant) == 2
    (thread,) = await threads(x_town["admin"])
    said = [m["text"] for m in await history(x_town["admin"], thread["id"])]
    assert said == [first["text"], more["text"]]
    opened = await events(runtime, tenant, "publisher.conversation.opened.v1")
    assert len(opened) == 1


async def test_an_x_429_waits_for_its_reset_and_never_asks_before(
    x_town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    instances: httpx.AsyncClient,
    x_api: tuple[fake.FakeX, str],
) -> None:
    platform, url = x_api
    reset_at = int(time.time()) + 600
    platform.mention_script = [fake.x_too_many(reset_at)]
    platform.mention(X_CITIZEN, "@takeo_city hello?")

    await poll(runtime, instances, tenant, url)
    ((next_at, error),) = await sql(
        runtime, "SELECT next_poll_at, error FROM inbox_polls WHERE tenant_id = :t", t=tenant
    )
    await due_now(runtime, tenant)  # even when its turn comes, the governor holds the bucket
    await poll(runtime, instances, tenant, url)

    assert len(reads_of(platform, x_town)) == 1
    assert next_at.timestamp() == reset_at
    assert error == "Too Many Requests"
    assert await stored_events(runtime, tenant) == 0


async def test_an_x_reply_whose_worker_was_killed_after_posting_is_found_not_resent(
    x_town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    instances: httpx.AsyncClient,
    x_api: tuple[fake.FakeX, str],
) -> None:
    """The worker dies after X took the reply and before it recorded the answer: the reply is
    left `sending`, settled as `unconfirmed` (never sent again by itself), then found among the
    town's recent posts answering the citizen's and recorded `sent` with X's id."""
    platform, url = x_api
    asked = platform.mention(X_CITIZEN, "@takeo_city Where do I park?")
    await poll(runtime, instances, tenant, url)
    (thread,) = await threads(x_town["staff"])
    await reply(x_town["staff"], thread["id"], "Behind the town hall")
    platform.hang_after_post = True  # X takes the post; its answer never comes back

    await killed_while_sending(send(runtime, instances, url), lambda: platform.posts)
    platform.hang_after_post = False
    left = (await history(x_town["staff"], thread["id"]))[-1]["state"]
    await started_ago(runtime, tenant, timedelta(minutes=10))
    await send(runtime, instances, url)  # a restarted worker: the outcome is unknown
    unsure = (await history(x_town["staff"], thread["id"]))[-1]["state"]
    await send(runtime, instances, url)
    assert await reconcile(runtime, instances, url) == 1

    assert (left, unsure) == ("sending", "unconfirmed")
    (posted,) = platform.posts
    assert posted["in_reply_to"] == asked["id"]
    sent = (await history(x_town["staff"], thread["id"]))[-1]
    assert (sent["state"], sent["platform_message_id"]) == ("sent", posted["id"])
    (replied,) = await events(runtime, tenant, "publisher.conversation.replied.v1")
    assert replied["conversation_id"] == thread["id"]


async def test_an_x_reply_lost_before_it_reached_x_is_failed_for_staff_to_resend(
    x_town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    instances: httpx.AsyncClient,
    x_api: tuple[fake.FakeX, str],
) -> None:
    platform, url = x_api
    platform.mention(X_CITIZEN, "@takeo_city Bus times?")
    await poll(runtime, instances, tenant, url)
    (thread,) = await threads(x_town["staff"])
    await reply(x_town["staff"], thread["id"], "Every 20 minutes")
    await sql(  # a worker marked it `sending` and died before its call left
        runtime,
        "UPDATE conversation_messages SET state = 'sending',"
        " sending_started_at = now() - interval '10 minutes'"
        " WHERE tenant_id = :t AND direction = 'out'",
        t=tenant,
    )

    await send(runtime, instances, url)
    await reconcile(runtime, instances, url)
    await send(runtime, instances, url)

    assert platform.posts == []
    failed = (await history(x_town["staff"], thread["id"]))[-1]
    assert failed["state"] == "failed"
    assert "not sent" in failed["error"]


# --- Mastodon ------------------------------------------------------------------------------------


async def test_a_mastodon_mention_is_polled_assigned_answered_once_under_it(
    mastodon_town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    instances: httpx.AsyncClient,
    instance: tuple[fake.FakeMastodon, str],
) -> None:
    platform, _ = instance
    asked = platform.mention(MASTODON_CITIZEN, "Is the lemongrass farm open to visitors?")
    status = asked["status"]

    assert await poll(runtime, instances, tenant) == 1
    (thread,) = await threads(mastodon_town["staff"])
    await reply(mastodon_town["staff"], thread["id"], "Yes, on weekends")
    await send(runtime, instances)
    await send(runtime, instances)

    (read,) = platform.notification_reads
    assert ("types[]", "mention") in read
    assert not any(k == "since_id" for k, _ in read)
    assert (thread["platform"], thread["kind"]) == ("mastodon", "comment")
    assert (thread["post_ref"], thread["author_id"]) == (status["id"], MASTODON_CITIZEN[0])
    assert thread["assignee"] == mastodon_town["sub"]
    said = await history(mastodon_town["staff"], thread["id"])
    assert [(m["direction"], m["text"]) for m in said] == [
        ("in", "@takeo Is the lemongrass farm open to visitors?"),
        ("out", "Yes, on weekends"),
    ]
    (posted,) = platform.statuses
    assert (posted["in_reply_to_id"], posted["visibility"]) == (status["id"], "public")
    assert posted["content"] == "@sato@example.social Yes, on weekends"
    assert (said[-1]["state"], said[-1]["platform_message_id"]) == ("sent", posted["id"])


async def test_a_mastodon_repoll_reads_from_the_cursor_and_the_same_mentions_add_nothing(
    mastodon_town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    instances: httpx.AsyncClient,
    instance: tuple[fake.FakeMastodon, str],
) -> None:
    platform, _ = instance
    first = platform.mention(MASTODON_CITIZEN, "A private question", visibility="direct")
    await poll(runtime, instances, tenant)
    await due_now(runtime, tenant)
    again = await poll(runtime, instances, tenant)
    await sql(runtime, "UPDATE inbox_polls SET cursor = NULL WHERE tenant_id = :t", t=tenant)
    await due_now(runtime, tenant)
    repeated = await poll(runtime, instances, tenant)
    (thread,) = await threads(mastodon_town["staff"])
    await reply(mastodon_town["staff"], thread["id"], "Answered privately")
    await send(runtime, instances)

    since = [dict(r).get("since_id") for r in platform.notification_reads]
    assert since == [None, first["id"], None]
    assert (again, repeated) == (0, 0)
    assert await stored_events(runtime, tenant) == 1
    assert (thread["kind"], thread["post_ref"]) == ("message", "")
    (posted,) = platform.statuses
    assert (posted["in_reply_to_id"], posted["visibility"]) == (first["status"]["id"], "direct")


async def test_a_mastodon_reply_whose_worker_was_killed_is_resent_under_its_key_once(
    mastodon_town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    instances: httpx.AsyncClient,
    instance: tuple[fake.FakeMastodon, str],
) -> None:
    """Inside the key's hour the instance answers a resend with the status it already made, so
    the reply is sent again under the same Idempotency-Key; past the hour it is found among the
    replied-to status's descendants instead. Either way the instance holds one reply."""
    platform, _ = instance
    platform.mention(MASTODON_CITIZEN, "Where is the ceramics fair?")
    await poll(runtime, instances, tenant)
    (thread,) = await threads(mastodon_town["staff"])
    await reply(mastodon_town["staff"], thread["id"], "At the community hall")
    platform.hang_after_status = True

    await killed_while_sending(send(runtime, instances), lambda: platform.statuses)
    platform.hang_after_status = False
    await started_ago(runtime, tenant, timedelta(minutes=10))
    await send(runtime, instances)  # unknown outcome, key still kept: pending again
    await send(runtime, instances)  # the same key: the instance answers with its status

    (posted,) = platform.statuses
    sent = (await history(mastodon_town["staff"], thread["id"]))[-1]
    assert (sent["state"], sent["platform_message_id"]) == ("sent", posted["id"])


async def test_a_mastodon_reply_lost_past_its_keys_hour_is_found_in_the_context(
    mastodon_town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    instances: httpx.AsyncClient,
    instance: tuple[fake.FakeMastodon, str],
) -> None:
    platform, _ = instance
    platform.mention(MASTODON_CITIZEN, "Garbage day?")
    await poll(runtime, instances, tenant)
    (thread,) = await threads(mastodon_town["staff"])
    await reply(mastodon_town["staff"], thread["id"], "Tuesdays & Fridays")
    platform.hang_after_status = True
    await killed_while_sending(send(runtime, instances), lambda: platform.statuses)
    platform.hang_after_status = False
    await started_ago(runtime, tenant, timedelta(hours=2))

    await send(runtime, instances)
    unsure = (await history(mastodon_town["staff"], thread["id"]))[-1]["state"]
    await send(runtime, instances)
    await reconcile(runtime, instances)

    assert unsure == "unconfirmed"
    (posted,) = platform.statuses
    sent = (await history(mastodon_town["staff"], thread["id"]))[-1]
    assert (sent["state"], sent["platform_message_id"]) == ("sent", posted["id"])


async def test_a_mastodon_instance_aiming_inside_is_never_polled(
    mastodon_town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    instance: tuple[fake.FakeMastodon, str],
) -> None:
    """Every call to a user-supplied instance goes through `kit.outbound`: with the guard's
    default policy, the fake's loopback address is refused before anything is sent."""
    platform, _ = instance
    platform.mention(MASTODON_CITIZEN, "hello")
    async with outbound.client(OutboundPolicy(), timeout=1) as guarded:
        await poll(runtime, guarded, tenant)

    assert platform.notification_reads == []
    ((error,),) = await sql(runtime, "SELECT error FROM inbox_polls WHERE tenant_id = :t", t=tenant)
    assert error


async def test_an_x_citizens_erasure_removes_their_polled_mentions_and_keeps_the_thread(
    x_town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    instances: httpx.AsyncClient,
    x_api: tuple[fake.FakeX, str],
) -> None:
    platform, url = x_api
    platform.mention(X_CITIZEN, "@takeo_city my address is 1-2-3 Takeo")
    await poll(runtime, instances, tenant, url)

    erased = await x_town["admin"].post(
        "/v1/conversations/erase",
        json={"channel_id": x_town["channel"]["id"], "author_id": X_CITIZEN[0]},
    )

    assert erased.json() == {"conversations": 1, "messages": 1}
    (thread,) = await threads(x_town["admin"])
    assert thread["author_name"] is None
    assert await history(x_town["admin"], thread["id"]) == []
    assert await stored_events(runtime, tenant) == 0


async def test_an_x_reply_refused_with_429_waits_for_the_reset_in_the_accounts_bucket(
    x_town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    instances: httpx.AsyncClient,
    x_api: tuple[fake.FakeX, str],
) -> None:
    """A 429 was not carried out: the reply stays pending and the account's bucket (the one its
    posts spend from too) is blocked until `x-rate-limit-reset`; no call goes before it."""
    platform, url = x_api
    platform.mention(X_CITIZEN, "@takeo_city Fireworks tonight?")
    await poll(runtime, instances, tenant, url)
    (thread,) = await threads(x_town["staff"])
    await reply(x_town["staff"], thread["id"], "Yes, at 20:00")
    reset_at = int(time.time()) + 900
    platform.script = [fake.x_too_many(reset_at)]

    await send(runtime, instances, url)
    await send(runtime, instances, url)

    assert len(platform.calls) == 1
    assert platform.posts == []
    waiting = (await history(x_town["staff"], thread["id"]))[-1]
    assert waiting["state"] == "pending"
    ((until,),) = await sql(
        runtime,
        "SELECT blocked_until FROM rate_buckets WHERE key = :k",
        k=f"x:account:{x_town['account']}",
    )
    assert until.timestamp() == reset_at


async def test_a_mastodon_429_waits_for_its_reset_and_never_asks_before(
    mastodon_town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    instances: httpx.AsyncClient,
    instance: tuple[fake.FakeMastodon, str],
) -> None:
    platform, _ = instance
    platform.notification_script = [
        fake.Scripted(
            429,
            {"error": "Too many requests"},
            {
                "x-ratelimit-limit": "300",
                "x-ratelimit-remaining": "0",
                "x-ratelimit-reset": "2030-01-01T00:00:00.000Z",
            },
        )
    ]
    platform.mention(MASTODON_CITIZEN, "hello?")

    await poll(runtime, instances, tenant)
    await due_now(runtime, tenant)
    await poll(runtime, instances, tenant)

    assert len(platform.notification_reads) == 1
    ((next_at, error),) = await sql(
        runtime, "SELECT next_poll_at, error FROM inbox_polls WHERE tenant_id = :t", t=tenant
    )
    assert next_at.year == 2030
    assert error == "Too many requests"
    assert await stored_events(runtime, tenant) == 0


async def test_connecting_a_polled_channel_wakes_the_poller_whose_next_read_is_due_now(
    as_user: Client, tenant: uuid.UUID, runtime: ServiceRuntime
) -> None:
    """The `inbox-poll` job sleeps until its earliest channel is due; a newly connected X or
    Mastodon channel wakes it at commit, and is due at once. A Facebook page (webhooks) does
    not wake it."""
    listener = wakeups.Wakeups(runtime.db, [inbox_repo.POLLS_CHANNEL])
    woken = listener.subscribe(inbox_repo.POLLS_CHANNEL)
    assert await listener.listen()
    admin = as_user(principal(tenant))
    try:
        await channel(admin, "facebook_page", external_id=str(uuid.uuid4().int % 10**12))
        await wakeups.wait(woken, 1.0)
        facebook_woke = woken.is_set()
        account = str(uuid.uuid4().int % 10**12)
        await channel(admin, "x", external_id=account, credentials={"access_token": "x-token"})
        await wakeups.wait(woken, 10.0)
        x_woke = woken.is_set()
    finally:
        await listener.close()

    assert (facebook_woke, x_woke) == (False, True)
    due = await polling.next_due(runtime.jobs_db)
    assert due is not None
    assert due <= datetime.now(UTC)  # never read: due now
