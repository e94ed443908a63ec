"""The citizen inbox on Instagram (comments, mentions, DMs) and comment moderation on Facebook
and Instagram (issue 16). The fake Meta platform's helpers build and sign the documented webhook
bodies; the fake Graph API, serving real HTTP on loopback, receives the answers and the hide,
unhide and delete calls, and counts them."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
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
APP_SECRET = "meta-app-secret-of-imari"
DEPLOYMENT_SECRET = "meta-app-secret-of-the-deployment"
DEPLOYMENT_TOKEN = "deployment-verify-token"
PAGE, IG = "3101", "17841400000000077"
CITIZEN = ("5501", "hanako.s")


# The fakes answer on loopback; a starved machine can still take seconds to do so.
FAKE_TIMEOUT = 10.0


@pytest.fixture
async def meta() -> AsyncIterator[tuple[fake.FakeMeta, str]]:
    platform = fake.FakeMeta()
    async with serve(platform.app) as url:
        yield platform, url
    platform.hang_after_reply = False


@pytest.fixture
def graph_app(runtime: ServiceRuntime, meta: tuple[fake.FakeMeta, str]) -> FastAPI:
    """The publisher's API with the Graph API at the fake (moderation calls it at once) and the
    deployment's own Meta app configured (its secret and verify token)."""
    settings = publisher_settings(
        facebook_graph_url=meta[1],
        facebook_app_secret=DEPLOYMENT_SECRET,
        meta_verify_token=DEPLOYMENT_TOKEN,
    )
    return create_app(runtime, settings)


@pytest.fixture
def as_staff(graph_app: FastAPI, signer: TokenSigner) -> Client:
    return lambda who: client(graph_app, signer, SERVICE, who)


@pytest.fixture
async def town(as_staff: Client, tenant: uuid.UUID) -> dict[str, Any]:
    """A town with a Facebook Page and an Instagram account, its Meta app secret stored."""
    admin = as_staff(principal(tenant))
    made = {
        "admin": admin,
        "webhooks": as_staff(
            InternalPrincipal(sub="anonymous", kind="anonymous", tenant_id=tenant)
        ),
        "page": await channel(admin, "facebook_page", external_id=PAGE),
        "ig": await channel(admin, "instagram", external_id=IG),
    }
    stored = await admin.put("/v1/settings/inbox", json={"meta_app_secret": APP_SECRET})
    assert stored.status_code == 200, stored.text
    return made


async def deliver(town: dict, body: dict) -> dict:
    raw, headers = fake.meta_signed(body, APP_SECRET)
    answer = await town["webhooks"].post("/webhooks/imari/meta", content=raw, headers=headers)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


async def rule(town: dict, **body: Any) -> None:
    made = await town["admin"].post("/v1/settings/inbox/rules", json=body)
    assert made.status_code == 201, made.text


async def threads(client_: httpx.AsyncClient) -> list[dict]:
    listed = await client_.get("/v1/conversations")
    assert listed.status_code == 200, listed.text
    return list(listed.json()["items"])


async def history(client_: httpx.AsyncClient, conversation_id: str) -> list[dict]:
    read = await client_.get(f"/v1/conversations/{conversation_id}")
    assert read.status_code == 200, read.text
    return list(read.json()["messages"])


async def send_replies(runtime: ServiceRuntime, meta_url: str) -> int:
    """The worker's reply job, once, against the fake."""
    settings = publisher_settings(facebook_graph_url=meta_url)
    async with httpx.AsyncClient(timeout=FAKE_TIMEOUT) as http:
        return await replies.send_once(runtime.jobs_db, Sealer.of(settings), settings, http)


# --- Instagram: comment, DM, mention ------------------------------------------------------------


async def test_an_instagram_comment_is_assigned_by_rule_and_answered_once_under_it(
    town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    as_staff: Client,
    meta: tuple[fake.FakeMeta, str],
) -> None:
    platform, url = meta
    desk = principal(tenant, ("staff",))
    await rule(town, channel_id=town["ig"]["id"], assignee=desk.sub)
    comment = "17900000000000101"

    told = await deliver(
        town, fake.instagram_comment(IG, "18000000000000055", comment, CITIZEN, "Open at 9?")
    )
    await inbox_jobs.ingest_once(runtime.jobs_db)
    staff = as_staff(desk)
    (thread,) = await threads(staff)
    queued = await staff.post(
        f"/v1/conversations/{thread['id']}/replies", json={"text": "Yes, from 9:00"}
    )
    await send_replies(runtime, url)
    await send_replies(runtime, url)

    assert told == {"received": 1, "duplicates": 0}
    assert (thread["platform"], thread["kind"], thread["author_name"]) == (
        "instagram",
        "comment",
        "hanako.s",
    )
    assert thread["assignee"] == desk.sub
    (assigned,) = await events(runtime, tenant, "publisher.conversation.assigned.v1")
    assert (assigned["assignee"], assigned["by"][:5]) == (desk.sub, "rule:")
    assert queued.status_code == 202, queued.text
    assert [(r["kind"], r["to"], r["message"]) for r in platform.replies] == [
        ("ig-comment", comment, "Yes, from 9:00")
    ]
    sent = (await history(staff, thread["id"]))[-1]
    assert (sent["state"], sent["platform_message_id"]) == ("sent", platform.replies[0]["id"])


async def test_an_instagram_dm_is_assigned_by_keyword_and_answered_once_in_its_window(
    town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    as_staff: Client,
    meta: tuple[fake.FakeMeta, str],
) -> None:
    platform, url = meta
    desk = principal(tenant, ("staff",))
    await rule(town, keyword="粗大ごみ", assignee=desk.sub)
    two_days_ago = int((datetime.now(UTC) - timedelta(days=2)).timestamp() * 1000)

    old = fake.instagram_message(IG, "igsid-old", "aWdfZAold", "Hello?", two_days_ago)
    await deliver(town, old)
    await deliver(town, fake.instagram_message(IG, "igsid-7", "aWdfZA7", "粗大ごみの出し方は?"))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    listed = {t["author_id"]: t for t in await threads(town["admin"])}
    staff = as_staff(desk)
    queued = await staff.post(
        f"/v1/conversations/{listed['igsid-7']['id']}/replies", json={"text": "Call 0954-00-0000"}
    )
    late = await town["admin"].post(
        f"/v1/conversations/{listed['igsid-old']['id']}/replies", json={"text": "Sorry"}
    )
    await send_replies(runtime, url)
    await send_replies(runtime, url)

    dm = listed["igsid-7"]
    assert (dm["platform"], dm["kind"], dm["assignee"]) == ("instagram", "message", desk.sub)
    assert dm["window_closes_at"] is not None
    assert listed["igsid-old"]["assignee"] is None
    assert (queued.status_code, queued.json()["via"]) == (202, "message")
    assert late.status_code == 409
    assert late.json()["type"].endswith("#reply-not-possible")
    assert [(r["kind"], r["page"], r["to"], r["message"]) for r in platform.replies] == [
        ("message", IG, "igsid-7", "Call 0954-00-0000")
    ]
    assert [m["state"] for m in await history(staff, dm["id"]) if m["direction"] == "out"] == [
        "sent"
    ]


async def test_an_instagram_mention_is_answered_once_where_the_town_was_mentioned(
    town: dict, runtime: ServiceRuntime, meta: tuple[fake.FakeMeta, str]
) -> None:
    platform, url = meta
    media, comment = "18000000000000888", "17900000000000888"
    await deliver(town, fake.instagram_mention(IG, media, comment))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    (thread,) = await threads(town["admin"])

    queued = await town["admin"].post(
        f"/v1/conversations/{thread['id']}/replies", json={"text": "Thanks for visiting!"}
    )
    await send_replies(runtime, url)
    await send_replies(runtime, url)

    assert (queued.status_code, queued.json()["via"]) == (202, "mention")
    assert [(r["kind"], r["account"], r["media"], r["to"]) for r in platform.replies] == [
        ("ig-mention", IG, media, comment)
    ]
    sent = (await history(town["admin"], thread["id"]))[-1]
    assert (sent["state"], sent["platform_message_id"]) == ("sent", platform.replies[0]["id"])


async def test_an_instagram_mention_and_a_replayed_dm_add_nothing_twice(
    town: dict, runtime: ServiceRuntime
) -> None:
    mention = fake.instagram_mention(IG, "18000000000000999", "17900000000000999")
    dm = fake.instagram_message(IG, "igsid-9", "aWdfZA9", "Is the bus running?")

    answers = [await deliver(town, body) for body in (mention, dm, dm, mention)]
    await inbox_jobs.ingest_once(runtime.jobs_db)
    await deliver(town, dm)
    await inbox_jobs.ingest_once(runtime.jobs_db)

    assert [a["received"] for a in answers] == [1, 1, 0, 0]
    listed = await threads(town["admin"])
    assert sorted((t["kind"], t["post_ref"]) for t in listed) == [
        ("comment", "18000000000000999"),
        ("message", ""),
    ]
    assert [len(await history(town["admin"], t["id"])) for t in listed] == [1, 1]


# --- moderation ----------------------------------------------------------------------------------


async def comment_thread(town: dict, runtime: ServiceRuntime, body: dict) -> tuple[str, str]:
    """Deliver a comment and thread it: (conversation id, the comment's message id)."""
    await deliver(town, body)
    await inbox_jobs.ingest_once(runtime.jobs_db)
    comment = body["entry"][0]["changes"][0]["value"]
    comment_id = comment.get("comment_id") or comment.get("id")
    for thread in await threads(town["admin"]):
        for message in await history(town["admin"], thread["id"]):
            if message["platform_message_id"] == comment_id:
                return thread["id"], message["id"]
    raise AssertionError("the comment was not threaded")


async def test_an_editor_hides_and_unhides_an_instagram_comment_on_the_platform(
    town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    as_staff: Client,
    meta: tuple[fake.FakeMeta, str],
) -> None:
    platform, _ = meta
    comment = "17900000000000202"
    body = fake.instagram_comment(IG, "18000000000000056", comment, CITIZEN, "spam spam")
    thread, message = await comment_thread(town, runtime, body)
    editor = principal(tenant, ("editor",))
    path = f"/v1/conversations/{thread}/messages/{message}"

    hidden = await as_staff(editor).post(f"{path}/hide")
    assert hidden.status_code == 200, hidden.text
    hidden_now = set(platform.hidden)
    shown = await as_staff(editor).post(f"{path}/unhide")

    assert (hidden.json()["hidden"], hidden.json()["moderated_by"]) == (True, editor.sub)
    assert hidden_now == {comment}
    assert shown.status_code == 200, shown.text
    assert shown.json()["hidden"] is False
    assert platform.hidden == set()
    assert platform.moderations == [
        {"id": comment, "action": "hide", "param": "hide"},
        {"id": comment, "action": "unhide", "param": "hide"},
    ]
    (kept,) = [m for m in await history(town["admin"], thread) if m["id"] == message]
    assert (kept["hidden"], kept["moderated_by"], kept["removed"]) == (False, editor.sub, False)


async def test_an_admin_hides_then_deletes_a_facebook_comment_once(
    town: dict, runtime: ServiceRuntime, meta: tuple[fake.FakeMeta, str]
) -> None:
    platform, _ = meta
    comment = f"{PAGE}_70_1"
    body = fake.page_comment(PAGE, f"{PAGE}_70", comment, ("9001", "Sato Hanako"), "abuse")
    thread, message = await comment_thread(town, runtime, body)
    path = f"/v1/conversations/{thread}/messages/{message}"

    hidden = await town["admin"].post(f"{path}/hide")
    deleted = await town["admin"].delete(path)
    again = await town["admin"].delete(path)

    assert hidden.status_code == deleted.status_code == 200, hidden.text + deleted.text
    assert deleted.json()["removed"] is True
    assert again.status_code == 409
    assert again.json()["type"].endswith("#moderation-not-possible")
    assert [(m["action"], m["param"]) for m in platform.moderations] == [
        ("hide", "is_hidden"),
        ("delete", None),
    ]
    assert platform.deleted == {comment}


async def test_moderation_whose_outcome_is_unknown_is_reported_and_never_repeated(
    town: dict, runtime: ServiceRuntime, meta: tuple[fake.FakeMeta, str]
) -> None:
    platform, _ = meta
    body = fake.instagram_comment(IG, "18000000000000057", "17900000000000303", CITIZEN, "x")
    thread, message = await comment_thread(town, runtime, body)
    platform.hang_after_reply = True  # Meta takes the call and never answers

    lost = await town["admin"].delete(f"/v1/conversations/{thread}/messages/{message}")
    platform.hang_after_reply = False

    assert lost.status_code == 502, lost.text
    assert lost.json()["type"].endswith("#moderation-outcome-unknown")
    assert len(platform.moderations) == 1
    (kept,) = [m for m in await history(town["admin"], thread) if m["id"] == message]
    assert (kept["removed"], kept["moderated_by"]) == (False, None)


async def test_a_platform_refusal_is_a_409_and_changes_nothing(
    town: dict, runtime: ServiceRuntime, meta: tuple[fake.FakeMeta, str]
) -> None:
    platform, _ = meta
    body = fake.instagram_comment(IG, "18000000000000058", "17900000000000404", CITIZEN, "y")
    thread, message = await comment_thread(town, runtime, body)
    platform.script.append(fake.meta_error(10, "(#10) Application does not have permission"))

    refused = await town["admin"].post(f"/v1/conversations/{thread}/messages/{message}/hide")

    assert refused.status_code == 409, refused.text
    assert "does not have permission" in refused.json()["detail"]
    (kept,) = [m for m in await history(town["admin"], thread) if m["id"] == message]
    assert kept["hidden"] is False


async def test_moderation_needs_an_editor_role_and_a_citizens_comment_of_the_town(
    town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    as_staff: Client,
    meta: tuple[fake.FakeMeta, str],
) -> None:
    platform, _ = meta
    body = fake.instagram_comment(IG, "18000000000000059", "17900000000000505", CITIZEN, "z")
    thread, message = await comment_thread(town, runtime, body)
    await deliver(town, fake.instagram_message(IG, "igsid-3", "aWdfZA3", "a private word"))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    dm = next(t for t in await threads(town["admin"]) if t["kind"] == "message")
    (dm_message,) = await history(town["admin"], dm["id"])
    path = f"/v1/conversations/{thread}/messages/{message}"
    other_town = as_staff(principal(uuid.uuid4()))

    answers = {
        "staff": await as_staff(principal(tenant, ("staff",))).post(f"{path}/hide"),
        "writer": await as_staff(principal(tenant, ("writer",))).delete(path),
        "other town": await other_town.post(f"{path}/hide"),
        "other town, delete": await other_town.delete(path),
        "unknown message": await town["admin"].post(
            f"/v1/conversations/{thread}/messages/{uuid.uuid4()}/hide"
        ),
        "a DM": await town["admin"].post(
            f"/v1/conversations/{dm['id']}/messages/{dm_message['id']}/hide"
        ),
        "wrong thread": await town["admin"].post(
            f"/v1/conversations/{dm['id']}/messages/{message}/hide"
        ),
    }

    statuses = {name: answer.status_code for name, answer in answers.items()}
    assert statuses == {
        "staff": 403,
        "writer": 403,
        "other town": 404,
        "other town, delete": 404,
        "unknown message": 404,
        "a DM": 409,
        "wrong thread": 404,
    }
    assert answers["other town"].json()["type"].endswith("#conversation-not-found")
    assert platform.moderations == []


# --- the deployment-wide callback --------------------------------------------------------------


def account_id() -> str:
    """A Page or Instagram account id no other test's town has connected (the deployment-wide
    callback looks across every town)."""
    return str(uuid.uuid4().int)[:17]


@pytest.fixture
def anonymous(as_staff: Client) -> httpx.AsyncClient:
    """The caller the gateway forwards `/webhooks/meta` as: anonymous, no town."""
    return as_staff(InternalPrincipal(sub="anonymous", kind="anonymous", tenant_id=None))


async def to_deployment(
    anonymous: httpx.AsyncClient, body: dict, secret: str = DEPLOYMENT_SECRET
) -> httpx.Response:
    raw, headers = fake.meta_signed(body, secret)
    return await anonymous.post("/webhooks/meta", content=raw, headers=headers)


async def stored_for(runtime: ServiceRuntime, *tenants: uuid.UUID) -> int:
    async with runtime.jobs_db.transaction() as session:
        found = await session.execute(
            text("SELECT count(*) FROM inbox_events WHERE tenant_id = ANY(:t)"),
            {"t": list(tenants)},
        )
        return int(found.scalar_one())


async def test_the_deployment_callback_gives_each_entry_to_the_town_of_its_account(
    as_staff: Client, runtime: ServiceRuntime, anonymous: httpx.AsyncClient
) -> None:
    takeo, ureshino = uuid.uuid4(), uuid.uuid4()
    page_a, ig_a, page_b = account_id(), account_id(), account_id()
    admin_a, admin_b = as_staff(principal(takeo)), as_staff(principal(ureshino))
    await channel(admin_a, "facebook_page", external_id=page_a)
    ig = await channel(admin_a, "instagram", external_id=ig_a)
    await channel(admin_b, "facebook_page", external_id=page_b)
    desk = principal(takeo, ("staff",))
    made = await admin_a.post(
        "/v1/settings/inbox/rules", json={"channel_id": ig["id"], "assignee": desk.sub}
    )
    assert made.status_code == 201, made.text
    first = fake.page_comment(page_a, f"{page_a}_1", f"{page_a}_1_1", CITIZEN, "For Takeo")
    second = fake.page_comment(page_b, f"{page_b}_1", f"{page_b}_1_1", CITIZEN, "For Ureshino")
    both = {"object": "page", "entry": first["entry"] + second["entry"]}
    elsewhere = fake.page_comment(account_id(), "1_1", "1_1_1", CITIZEN, "Nobody's Page")

    answers = [
        await to_deployment(anonymous, both),
        await to_deployment(
            anonymous, fake.instagram_message(ig_a, "igsid-1", "aWdfZD1", "DM to Takeo")
        ),
        await to_deployment(anonymous, elsewhere),
    ]
    await inbox_jobs.ingest_once(runtime.jobs_db)

    assert [a.status_code for a in answers] == [200, 200, 200], [a.text for a in answers]
    assert [a.json()["received"] for a in answers] == [2, 1, 0]
    seen_a = {(t["platform"], t["kind"], t["assignee"]) for t in await threads(admin_a)}
    assert seen_a == {("facebook_page", "comment", None), ("instagram", "message", desk.sub)}
    (seen_b,) = await threads(admin_b)
    assert [m["text"] for m in await history(admin_b, seen_b["id"])] == ["For Ureshino"]


async def test_the_deployment_callback_refuses_a_bad_signature_and_stores_a_replay_once(
    as_staff: Client, runtime: ServiceRuntime, anonymous: httpx.AsyncClient
) -> None:
    town = uuid.uuid4()
    page = account_id()
    await channel(as_staff(principal(town)), "facebook_page", external_id=page)
    body = fake.page_comment(page, f"{page}_2", f"{page}_2_1", CITIZEN, "Is the onsen open?")
    raw, headers = fake.meta_signed(body, DEPLOYMENT_SECRET)

    refused = [
        await to_deployment(anonymous, body, secret=APP_SECRET),  # a town's, not the app's
        await anonymous.post("/webhooks/meta", content=raw),
        await anonymous.post(
            "/webhooks/meta", content=raw.replace(b"open", b"shut"), headers=headers
        ),
    ]
    nothing = await stored_for(runtime, town)
    accepted = [await to_deployment(anonymous, body) for _ in range(2)]
    await inbox_jobs.ingest_once(runtime.jobs_db)
    replayed = await to_deployment(anonymous, body)
    await inbox_jobs.ingest_once(runtime.jobs_db)

    for answer in refused:
        assert answer.status_code == 401, answer.text
        assert answer.json()["type"].endswith("#bad-signature")
    assert nothing == 0
    assert [a.json() for a in accepted] == [
        {"received": 1, "duplicates": 0},
        {"received": 0, "duplicates": 1},
    ]
    assert replayed.json() == {"received": 0, "duplicates": 1}
    assert await stored_for(runtime, town) == 1
    (thread,) = await threads(as_staff(principal(town)))
    assert len(await history(as_staff(principal(town)), thread["id"])) == 1


async def test_a_bad_body_on_the_deployment_callback_stores_nothing_in_any_town(
    as_staff: Client, runtime: ServiceRuntime, anonymous: httpx.AsyncClient
) -> None:
    town = uuid.uuid4()
    page = account_id()
    await channel(as_staff(principal(town)), "facebook_page", external_id=page)
    good = fake.page_comment(page, f"{page}_3", f"{page}_3_1", CITIZEN, "fine")
    broken = {"id": account_id(), "changes": [{"field": "feed", "value": 7}]}
    body = {"object": "page", "entry": good["entry"] + [broken]}

    refused = await to_deployment(anonymous, body)

    assert refused.status_code == 400, refused.text
    assert refused.json()["type"].endswith("#bad-webhook-body")
    assert await stored_for(runtime, town) == 0


async def test_the_deployment_handshake_answers_only_the_deployments_verify_token(
    anonymous: httpx.AsyncClient,
) -> None:
    hub = {"hub.mode": "subscribe", "hub.challenge": "7781"}

    good = await anonymous.get(
        "/webhooks/meta", params={**hub, "hub.verify_token": DEPLOYMENT_TOKEN}
    )
    wrong = await anonymous.get("/webhooks/meta", params={**hub, "hub.verify_token": "guess"})

    assert (good.status_code, good.text) == (200, "7781")
    assert wrong.status_code == 403
    assert wrong.json()["type"].endswith("#verify-token-mismatch")
