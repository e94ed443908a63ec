"""The citizen inbox on Threads (issue 16): replies to the town's posts arrive by the Threads
`replies` webhook, signed as Meta signs, at the deployment's one callback; staff answer with a
reply container published once. The fake Threads API serves real HTTP on loopback and keeps the
posts it published."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from kit.auth import InternalPrincipal, TokenSigner
from kit.runtime import ServiceRuntime
from kit.secrets import Sealer
from kit.testing import platforms as fake
from kit.testing.fakes import serve
from kit.testing.plugin import client, principal
from publisher.app import SERVICE, create_app
from publisher.inbox import jobs as inbox_jobs
from publisher.inbox import replies

from .conftest import events, publisher_settings
from .helpers import channel

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
THREADS_SECRET = "threads-app-secret-of-the-deployment"
VERIFY_TOKEN = "deployment-verify-token"


# The fakes answer on loopback; a starved machine can still take seconds to do so.
FAKE_TIMEOUT = 10.0


@pytest.fixture
async def threads_api() -> AsyncIterator[tuple[fake.FakeThreads, str]]:
    platform = fake.FakeThreads()
    async with serve(platform.app) as url:
        yield platform, url


@pytest.fixture
def app_(runtime: ServiceRuntime) -> FastAPI:
    settings = publisher_settings(threads_app_secret=THREADS_SECRET, meta_verify_token=VERIFY_TOKEN)
    return create_app(runtime, settings)


@pytest.fixture
def as_staff(app_: FastAPI, signer: TokenSigner) -> Client:
    return lambda who: client(app_, signer, SERVICE, who)


@pytest.fixture
async def town(as_staff: Client, tenant: uuid.UUID) -> dict[str, Any]:
    """A town with its Threads account connected (an id no other test's town has)."""
    admin = as_staff(principal(tenant))
    user = str(uuid.uuid4().int)[:17]
    account = await channel(
        admin, "threads", external_id=user, credentials={"access_token": "th-token"}
    )
    anonymous = InternalPrincipal(sub="anonymous", kind="anonymous", tenant_id=None)
    return {"admin": admin, "user": user, "channel": account, "webhooks": as_staff(anonymous)}


async def deliver(town: dict, body: dict, secret: str = THREADS_SECRET) -> httpx.Response:
    raw, headers = fake.meta_signed(body, secret)
    return await town["webhooks"].post("/webhooks/threads", content=raw, headers=headers)


async def threads(client_: httpx.AsyncClient) -> list[dict]:
    listed = await client_.get("/v1/conversations")
    assert listed.status_code == 200, listed.text
    return list(listed.json()["items"])


async def history(client_: httpx.AsyncClient, conversation_id: str) -> list[dict]:
    read = await client_.get(f"/v1/conversations/{conversation_id}")
    assert read.status_code == 200, read.text
    return list(read.json()["messages"])


async def send_replies(runtime: ServiceRuntime, url: str) -> int:
    settings = publisher_settings(threads_graph_url=url)
    async with httpx.AsyncClient(timeout=FAKE_TIMEOUT) as http:
        return await replies.send_once(runtime.jobs_db, Sealer.of(settings), settings, http)


async def stored(runtime: ServiceRuntime, tenant: uuid.UUID) -> int:
    async with runtime.jobs_db.transaction() as session:
        found = await session.execute(
            text("SELECT count(*) FROM inbox_events WHERE tenant_id = :t"), {"t": tenant}
        )
        return int(found.scalar_one())


async def test_a_threads_reply_is_assigned_by_rule_and_answered_once_under_it(
    town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    as_staff: Client,
    threads_api: tuple[fake.FakeThreads, str],
) -> None:
    platform, url = threads_api
    desk = principal(tenant, ("staff",))
    made = await town["admin"].post(
        "/v1/settings/inbox/rules", json={"channel_id": town["channel"]["id"], "assignee": desk.sub}
    )
    assert made.status_code == 201, made.text
    post, reply_id = "18050000000000001", "18050000000000777"

    told = await deliver(
        town, fake.threads_reply(town["user"], post, reply_id, "sato.hanako", "Parking?")
    )
    await inbox_jobs.ingest_once(runtime.jobs_db)
    staff = as_staff(desk)
    (thread,) = await threads(staff)
    queued = await staff.post(
        f"/v1/conversations/{thread['id']}/replies", json={"text": "Free parking at the hall"}
    )
    for _ in range(4):  # container made, read while it is prepared, published; then nothing
        await send_replies(runtime, url)

    assert told.status_code == 200, told.text
    assert told.json() == {"received": 1, "duplicates": 0}
    assert (thread["platform"], thread["kind"], thread["post_ref"]) == ("threads", "comment", post)
    assert (thread["author_id"], thread["assignee"]) == ("sato.hanako", desk.sub)
    assert (queued.status_code, queued.json()["via"]) == (202, "comment")
    assert [(p["user"], p["reply_to"], p["text"]) for p in platform.posts] == [
        (town["user"], reply_id, "Free parking at the hall")
    ]
    sent = (await history(staff, thread["id"]))[-1]
    assert (sent["state"], sent["platform_message_id"]) == ("sent", platform.posts[0]["id"])
    (replied,) = await events(runtime, tenant, "publisher.conversation.replied.v1")
    assert replied["conversation_id"] == thread["id"]

    # The town's own reply comes back as a webhook: it opens nothing.
    echo = fake.threads_reply(town["user"], post, platform.posts[0]["id"], "takeo_city", "Free")
    await deliver(town, echo)
    await inbox_jobs.ingest_once(runtime.jobs_db)
    assert [t["id"] for t in await threads(town["admin"])] == [thread["id"]]


async def test_a_threads_reply_whose_worker_stopped_after_publishing_is_not_published_again(
    town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    threads_api: tuple[fake.FakeThreads, str],
) -> None:
    """The worker published and died before recording it: the reply is left `sending` with its
    container; the next run reads the container (PUBLISHED) and records it sent."""
    platform, url = threads_api
    await deliver(town, fake.threads_reply(town["user"], "1805001", "1805002", "ito.ken", "Hi"))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    (thread,) = await threads(town["admin"])
    await town["admin"].post(f"/v1/conversations/{thread['id']}/replies", json={"text": "Hello"})
    for _ in range(3):
        await send_replies(runtime, url)
    async with runtime.jobs_db.transaction() as session:  # as the dead worker left it
        await session.execute(
            text(
                "UPDATE conversation_messages SET state = 'sending', platform_message_id = NULL,"
                " sending_started_at = now() - interval '10 minutes'"
                " WHERE tenant_id = :t AND direction = 'out'"
            ),
            {"t": tenant},
        )

    await send_replies(runtime, url)
    await send_replies(runtime, url)

    assert len(platform.posts) == 1
    assert len(platform.containers) == 1
    assert (await history(town["admin"], thread["id"]))[-1]["state"] == "sent"


async def test_the_threads_callback_refuses_a_bad_signature_and_stores_a_replay_once(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    body = fake.threads_reply(town["user"], "1805003", "1805004", "ito.ken", "Is it open?")
    raw, headers = fake.meta_signed(body, THREADS_SECRET)

    refused = [
        await deliver(town, body, secret="a-facebook-app-secret"),
        await town["webhooks"].post("/webhooks/threads", content=raw),
        await town["webhooks"].post(
            "/webhooks/threads", content=raw.replace(b"open", b"shut"), headers=headers
        ),
    ]
    nothing = await stored(runtime, tenant)
    answers = [(await deliver(town, body)).json() for _ in range(2)]
    await inbox_jobs.ingest_once(runtime.jobs_db)
    again = (await deliver(town, body)).json()
    await inbox_jobs.ingest_once(runtime.jobs_db)

    for answer in refused:
        assert answer.status_code == 401, answer.text
        assert answer.json()["type"].endswith("#bad-signature")
    assert nothing == 0
    assert answers == [{"received": 1, "duplicates": 0}, {"received": 0, "duplicates": 1}]
    assert again == {"received": 0, "duplicates": 1}
    (thread,) = await threads(town["admin"])
    assert len(await history(town["admin"], thread["id"])) == 1


async def test_a_threads_body_of_the_wrong_shape_is_400_and_an_unknown_account_stores_nothing(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    good = fake.threads_reply(town["user"], "1805005", "1805006", "ito.ken", "ok")
    broken = {**good, "values": {"field": "replies", "value": {"id": "1", "root_post": 7}}}
    elsewhere = fake.threads_reply("999000999", "1805007", "1805008", "ito.ken", "hi")

    refused = await deliver(town, broken)
    dropped = await deliver(town, elsewhere)

    assert refused.status_code == 400, refused.text
    assert refused.json()["type"].endswith("#bad-webhook-body")
    assert dropped.json() == {"received": 0, "duplicates": 0}
    assert await stored(runtime, tenant) == 0


async def test_the_threads_handshake_answers_only_the_deployments_verify_token(
    town: dict,
) -> None:
    hub = {"hub.mode": "subscribe", "hub.challenge": "3131"}

    good = await town["webhooks"].get(
        "/webhooks/threads", params={**hub, "hub.verify_token": VERIFY_TOKEN}
    )
    wrong = await town["webhooks"].get(
        "/webhooks/threads", params={**hub, "hub.verify_token": "guess"}
    )

    assert (good.status_code, good.text) == (200, "3131")
    assert wrong.status_code == 403


async def test_an_editor_hides_and_unhides_a_threads_reply_but_cannot_delete_it(
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    signer: TokenSigner,
    threads_api: tuple[fake.FakeThreads, str],
) -> None:
    platform, url = threads_api
    settings = publisher_settings(threads_app_secret=THREADS_SECRET, threads_graph_url=url)
    app = create_app(runtime, settings)
    staff = lambda who: client(app, signer, SERVICE, who)  # noqa: E731
    admin = staff(principal(tenant))
    user = str(uuid.uuid4().int)[:17]
    await channel(admin, "threads", external_id=user, credentials={"access_token": "th-token"})
    town = {"webhooks": staff(InternalPrincipal(sub="anonymous", kind="anonymous", tenant_id=None))}
    await deliver(town, fake.threads_reply(user, "1805011", "1805012", "troll", "spam"))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    (thread,) = await threads(admin)
    (message,) = await history(admin, thread["id"])
    path = f"/v1/conversations/{thread['id']}/messages/{message['id']}"
    editor = staff(principal(tenant, ("editor",)))

    hidden = await editor.post(f"{path}/hide")
    shown = await editor.post(f"{path}/unhide")
    deleted = await editor.delete(path)

    assert (hidden.status_code, hidden.json()["hidden"]) == (200, True)
    assert (shown.status_code, shown.json()["hidden"]) == (200, False)
    assert deleted.status_code == 409
    assert deleted.json()["type"].endswith("#moderation-not-possible")
    assert platform.moderations == [
        {"id": "1805012", "action": "hide"},
        {"id": "1805012", "action": "unhide"},
    ]
