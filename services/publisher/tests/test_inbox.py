"""The citizen inbox: signed platform webhooks stored once and threaded into conversations that
staff read, assign and annotate (issue 16). Webhooks come as the gateway forwards them, with an
anonymous token carrying the town; bodies are built and signed by the fake platforms' helpers."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from kit import signatures
from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.secrets import Sealer
from kit.testing import platforms as fake
from kit.testing.fakes import serve
from kit.testing.plugin import principal
from publisher.inbox import jobs as inbox_jobs
from publisher.inbox import replies

from .conftest import events, publisher_settings
from .helpers import (
    approved_and_scheduled,
    channel,
    killed_while_sending,
    post,
    started_ago,
)

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
APP_SECRET = "meta-app-secret-of-takeo"
VERIFY_TOKEN = "takeo-verify-token"
LINE_SECRET = "line-channel-secret-1"
PAGE, IG, BOT = "3001", "17841400000000001", "Ubot0000000000000000000000000001"
CITIZEN = ("9001", "Sato Hanako")


@pytest.fixture
async def town(as_user: Client, tenant: uuid.UUID) -> dict[str, Any]:
    """A town with a Page, an Instagram account and a LINE account connected, and its Meta
    webhook secrets stored."""
    admin = as_user(principal(tenant))
    made = {
        "admin": admin,
        "webhooks": as_user(InternalPrincipal(sub="anonymous", kind="anonymous", tenant_id=tenant)),
        "page": await channel(admin, "facebook_page", external_id=PAGE),
        "ig": await channel(admin, "instagram", external_id=IG),
        "line": await channel(
            admin,
            "line",
            external_id=BOT,
            credentials={"access_token": "line-token", "channel_secret": LINE_SECRET},
        ),
    }
    stored = await admin.put(
        "/v1/settings/inbox",
        json={"meta_app_secret": APP_SECRET, "meta_verify_token": VERIFY_TOKEN},
    )
    assert stored.status_code == 200, stored.text
    assert stored.json() == {
        "meta_app_secret_set": True,
        "meta_verify_token_set": True,
        "deployment_app_secret": False,
        "retention_days": 365,
        "public_replies_need_approval": False,
    }
    return made


async def send_meta(town: dict, body: dict, secret: str = APP_SECRET) -> httpx.Response:
    raw, headers = fake.meta_signed(body, secret)
    return await town["webhooks"].post("/webhooks/takeo/meta", content=raw, headers=headers)


async def send_line(town: dict, *events: dict, secret: str = LINE_SECRET) -> httpx.Response:
    raw, headers = fake.line_signed(fake.line_body(BOT, *events), secret)
    return await town["webhooks"].post("/webhooks/takeo/line", content=raw, headers=headers)


async def stored_events(runtime: ServiceRuntime, tenant: uuid.UUID) -> int:
    async with runtime.jobs_db.transaction() as session:
        found = await session.execute(
            text("SELECT count(*) FROM inbox_events WHERE tenant_id = :t"), {"t": tenant}
        )
        return int(found.scalar_one())


async def conversations(client: httpx.AsyncClient, **params: Any) -> list[dict]:
    listed = await client.get("/v1/conversations", params=params)
    assert listed.status_code == 200, listed.text
    return list(listed.json()["items"])


async def history(client: httpx.AsyncClient, conversation_id: str) -> list[dict]:
    read = await client.get(f"/v1/conversations/{conversation_id}")
    assert read.status_code == 200, read.text
    return list(read.json()["messages"])


async def test_meta_handshake_echoes_the_challenge_only_for_the_towns_verify_token(
    town: dict,
) -> None:
    hub = {"hub.mode": "subscribe", "hub.challenge": "1158201444"}
    good = await town["webhooks"].get(
        "/webhooks/takeo/meta", params={**hub, "hub.verify_token": VERIFY_TOKEN}
    )
    wrong = await town["webhooks"].get(
        "/webhooks/takeo/meta", params={**hub, "hub.verify_token": "guessed"}
    )

    assert (good.status_code, good.text) == (200, "1158201444")
    assert good.headers["content-type"].startswith("text/plain")
    assert wrong.status_code == 403
    assert wrong.json()["type"].endswith("#verify-token-mismatch")


async def test_meta_webhook_with_a_bad_or_missing_signature_is_401_and_stores_nothing(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    body = fake.page_comment(PAGE, f"{PAGE}_1", f"{PAGE}_1_7", CITIZEN, "Is the onsen open?")
    raw, _ = fake.meta_signed(body, APP_SECRET)

    forged = await send_meta(town, body, secret="not-the-app-secret")
    unsigned = await town["webhooks"].post("/webhooks/takeo/meta", content=raw)
    tampered = await town["webhooks"].post(
        "/webhooks/takeo/meta",
        content=raw.replace(b"open", b"shut"),
        headers=fake.meta_signed(body, APP_SECRET)[1],
    )

    for refused in (forged, unsigned, tampered):
        assert refused.status_code == 401, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert refused.json()["type"].endswith("#bad-signature")
    assert await stored_events(runtime, tenant) == 0
    accepted = await send_meta(town, body)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json() == {"received": 1, "duplicates": 0}
    assert await stored_events(runtime, tenant) == 1


async def test_line_webhook_is_checked_with_the_channel_secret(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    event = fake.line_event("U" + "a" * 32, text="ゴミの日はいつですか")

    forged = await send_line(town, event, secret="someone-elses-secret")
    unsigned = await town["webhooks"].post(
        "/webhooks/takeo/line", content=fake.line_signed(fake.line_body(BOT, event), LINE_SECRET)[0]
    )
    console_check = await send_line(town)  # the LINE console's "Verify": no events
    accepted = await send_line(town, event)

    assert forged.status_code == unsigned.status_code == 401
    assert console_check.json() == {"received": 0, "duplicates": 0}
    assert accepted.json() == {"received": 1, "duplicates": 0}
    assert await stored_events(runtime, tenant) == 1


@pytest.mark.parametrize(
    "body",
    [
        {"object": "page", "entry": 7},
        {"object": "page", "entry": ["id"]},
        {"object": "page", "entry": [{"id": PAGE, "changes": "feed"}]},
        {"object": "page", "entry": [{"id": PAGE, "changes": [{"field": "feed", "value": 1}]}]},
        {"object": "page", "entry": [{"id": PAGE, "messaging": [{"message": "hi"}]}]},
    ],
    ids=["entry", "an-entry", "changes", "value", "message"],
)
async def test_a_signed_meta_body_of_the_wrong_shape_is_400_and_stores_nothing(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID, body: dict
) -> None:
    refused = await send_meta(town, body)

    assert refused.status_code == 400, refused.text
    assert refused.json()["type"].endswith("#bad-webhook-body")
    assert await stored_events(runtime, tenant) == 0


async def test_a_signed_line_body_of_the_wrong_shape_is_400_and_stores_nothing(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    user = {"type": "user", "userId": "U" + "f" * 32}
    bodies = [
        {"destination": BOT, "events": "message"},
        {"destination": BOT, "events": [{"type": "message", "source": "user"}]},
        {"destination": BOT, "events": [{"type": "message", "source": user, "message": 1}]},
    ]
    answers = []
    for body in bodies:
        raw, headers = fake.line_signed(body, LINE_SECRET)
        answers.append(
            await town["webhooks"].post("/webhooks/takeo/line", content=raw, headers=headers)
        )

    assert [a.status_code for a in answers] == [400, 400, 400], [a.text for a in answers]
    assert all(a.json()["type"].endswith("#bad-webhook-body") for a in answers)
    assert await stored_events(runtime, tenant) == 0


async def test_a_signed_body_nested_too_deep_to_read_is_400_and_stores_nothing(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    deep = b'{"object": "page", "entry": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    signature = "sha256=" + signatures.digest(APP_SECRET, deep).hex()

    refused = await town["webhooks"].post(
        "/webhooks/takeo/meta", content=deep, headers={"X-Hub-Signature-256": signature}
    )

    assert refused.status_code == 400, refused.text
    assert refused.json()["type"].endswith("#bad-webhook-body")
    assert await stored_events(runtime, tenant) == 0


async def test_a_field_of_an_unexpected_type_is_read_as_text_and_its_event_skipped(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    feed = {"field": "feed", "value": {"item": ["comment"], "comment_id": "1"}}
    line_event = {"type": ["message"], "source": {"type": "user", "userId": "U" + "f" * 32}}

    meta = await send_meta(town, {"object": "page", "entry": [{"id": PAGE, "changes": [feed]}]})
    line = await send_line(town, line_event)

    assert meta.json() == line.json() == {"received": 0, "duplicates": 0}
    assert await stored_events(runtime, tenant) == 0


async def test_a_signed_body_with_a_nul_character_is_422_and_stores_nothing(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    comment = fake.page_comment(PAGE, f"{PAGE}_4", f"{PAGE}_4_1", CITIZEN, "on\u0000sen")
    message = fake.line_event("U" + "e" * 32, text="ゴミ\u0000の日")

    answers = [await send_meta(town, comment), await send_line(town, message)]

    for refused in answers:
        assert refused.status_code == 422, refused.text
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert refused.json()["type"].endswith("#invalid-value")
    assert await stored_events(runtime, tenant) == 0


async def test_a_redelivered_event_creates_nothing_new(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    user = "U" + "b" * 32
    first = fake.line_event(user, text="Thank you!", event_id="01JREDELIVERED00000000000A")
    again = {**first, "deliveryContext": {"isRedelivery": True}, "replyToken": "another-token"}
    comment = fake.page_comment(PAGE, f"{PAGE}_2", f"{PAGE}_2_9", CITIZEN, "Lovely photo")

    answers = [
        (await send_line(town, first)).json(),
        (await send_line(town, again)).json(),
        (await send_meta(town, comment)).json(),
        (await send_meta(town, comment)).json(),
    ]
    await inbox_jobs.ingest_once(runtime.jobs_db)
    await send_line(town, again)
    await inbox_jobs.ingest_once(runtime.jobs_db)

    assert [a["received"] for a in answers] == [1, 0, 1, 0]
    threads = await conversations(town["admin"])
    assert len(threads) == 2
    assert [len(await history(town["admin"], t["id"])) for t in threads] == [1, 1]


async def test_an_event_twice_in_one_body_is_stored_once(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    event = fake.line_event("U" + "c" * 32, text="twice", event_id="01JTWICEINONEBODY000000000A")
    other = fake.line_event("U" + "d" * 32, text="once", event_id="01JONCEINONEBODY0000000000A")

    answer = await send_line(town, event, event, other)

    assert answer.json() == {"received": 2, "duplicates": 1}
    assert await stored_events(runtime, tenant) == 2


async def test_comments_thread_per_post_and_author_messages_per_author(
    town: dict, runtime: ServiceRuntime
) -> None:
    post_a, post_b = f"{PAGE}_10", f"{PAGE}_11"
    sends = [
        fake.page_comment(
            PAGE,
            post_a,
            f"{post_a}_1",
            CITIZEN,
            "When is the festival?",
            created_time=1_800_000_100,
        ),
        fake.page_comment(
            PAGE, post_a, f"{post_a}_2", CITIZEN, "And the parking?", created_time=1_800_000_000
        ),
        fake.page_comment(PAGE, post_b, f"{post_b}_1", CITIZEN, "Great tofu"),
        fake.page_comment(PAGE, post_a, f"{post_a}_3", ("9002", "Ito Ken"), "Me too"),
        # The Page's own answer joins the citizen's thread as the town's message.
        fake.page_comment(
            PAGE,
            post_a,
            f"{post_a}_4",
            (PAGE, "Takeo"),
            "Saturday!",
            created_time=1_800_000_200,
            parent_id=f"{post_a}_1",
        ),
        fake.page_comment(
            PAGE, post_a, f"{post_a}_2", CITIZEN, "And where to park?", verb="edited"
        ),
        fake.page_message(PAGE, CITIZEN[0], "m_1", "Can I ask privately?"),
        fake.page_message(PAGE, CITIZEN[0], "m_2", "About my garbage pickup"),
        fake.instagram_comment(IG, "18000001", "17900001", ("555", "hanako.s"), "Where is this?"),
    ]
    for body in sends:
        assert (await send_meta(town, body)).status_code == 200
    user = "U" + "c" * 32
    await send_line(town, fake.line_event(user, text="粗大ごみの出し方"))
    await send_line(town, fake.line_event(user, kind="image"))
    await send_line(town, fake.line_event(user, kind="follow"))
    await inbox_jobs.ingest_once(runtime.jobs_db)

    threads = await conversations(town["admin"])
    shape = sorted((t["platform"], t["kind"], t["post_ref"], t["author_id"]) for t in threads)
    assert shape == sorted(
        [
            ("facebook_page", "comment", post_a, CITIZEN[0]),
            ("facebook_page", "comment", post_b, CITIZEN[0]),
            ("facebook_page", "comment", post_a, "9002"),
            ("facebook_page", "message", "", CITIZEN[0]),
            ("instagram", "comment", "18000001", "555"),
            ("line", "message", "", user),
        ]
    )
    festival = next(t for t in threads if t["post_ref"] == post_a and t["author_id"] == CITIZEN[0])
    assert festival["author_name"] == "Sato Hanako"
    said = [(m["direction"], m["text"]) for m in await history(town["admin"], festival["id"])]
    assert said == [
        ("in", "And where to park?"),
        ("in", "When is the festival?"),
        ("out", "Saturday!"),
    ]
    dm = next(t for t in threads if t["kind"] == "message" and t["platform"] == "facebook_page")
    assert dm["window_closes_at"] is not None
    line_thread = next(t for t in threads if t["platform"] == "line")
    line_said = await history(town["admin"], line_thread["id"])
    assert [m["attachments"][:1] and m["attachments"][0]["type"] for m in line_said] == [
        [],
        "image",
        "follow",
    ]
    assert all(m["reply_token_expires_at"] for m in line_said)


async def test_staff_see_their_own_and_unassigned_conversations_an_admin_all(
    town: dict, runtime: ServiceRuntime, as_user: Client, tenant: uuid.UUID
) -> None:
    for n in range(3):
        user = f"U{n:032d}"
        await send_line(town, fake.line_event(user, text=f"question {n}"))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    aiko, ben = principal(tenant, ("staff",)), principal(tenant, ("staff",))
    staff_aiko, staff_ben = as_user(aiko), as_user(ben)
    mine, bens, free = await conversations(town["admin"])

    taken = await staff_aiko.patch(f"/v1/conversations/{mine['id']}", json={"assignee": aiko.sub})
    handed = await town["admin"].patch(
        f"/v1/conversations/{bens['id']}",
        json={"assignee": ben.sub, "priority": "high", "tags": ["garbage", " garbage"]},
    )
    assert taken.status_code == handed.status_code == 200, taken.text + handed.text

    seen_by_aiko = {t["id"] for t in await conversations(staff_aiko)}
    assert seen_by_aiko == {mine["id"], free["id"]}
    assert {t["id"] for t in await conversations(staff_ben)} == {bens["id"], free["id"]}
    assert {t["id"] for t in await conversations(staff_aiko, assignee="me")} == {mine["id"]}
    assert {t["id"] for t in await conversations(town["admin"], assignee="none")} == {free["id"]}
    assert len(await conversations(town["admin"])) == 3
    assert (await staff_aiko.get(f"/v1/conversations/{bens['id']}")).status_code == 404
    assert (
        await staff_aiko.patch(f"/v1/conversations/{bens['id']}", json={"status": "closed"})
    ).status_code == 404
    assert handed.json()["tags"] == ["garbage"]


async def test_lists_show_each_threads_newest_words_and_the_counts_take_one_call(
    town: dict, runtime: ServiceRuntime, as_user: Client, tenant: uuid.UUID
) -> None:
    aiko = principal(tenant, ("staff",))
    for n in range(3):
        await send_line(town, fake.line_event(f"U{n:032d}", text=f"question {n} " + "長" * 200))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    first, second, third = await conversations(town["admin"])
    path = f"/v1/conversations/{first['id']}"
    assert (await town["admin"].post(f"{path}/notes", json={"text": "internal"})).status_code == 201
    await town["admin"].patch(path, json={"assignee": aiko.sub})
    await town["admin"].patch(f"/v1/conversations/{second['id']}", json={"assignee": aiko.sub})
    await town["admin"].patch(f"/v1/conversations/{second['id']}", json={"status": "closed"})

    listed = {t["id"]: t["excerpt"] for t in await conversations(town["admin"])}
    staff_counts = await as_user(aiko).get("/v1/conversations/counts")
    admin_counts = await town["admin"].get("/v1/conversations/counts")

    # the newest message, never the staff's note, cut for a list
    assert listed[first["id"]].startswith("question ")
    assert len(listed[first["id"]]) == 140
    assert (await town["admin"].get(path)).json()["excerpt"] == listed[first["id"]]
    assert staff_counts.status_code == 200, staff_counts.text
    assert staff_counts.json() == {
        "open_mine": 1,
        "open_unassigned": 1,
        "open_my_groups": 0,
        "awaiting_approval": 0,
    }
    assert admin_counts.json() == {
        "open_mine": 0,
        "open_unassigned": 1,
        "open_my_groups": 0,
        "awaiting_approval": 0,
    }
    assert third["id"] in listed


async def test_a_comment_thread_names_the_towns_post_it_is_on(
    town: dict, runtime: ServiceRuntime, as_user: Client, tenant: uuid.UUID
) -> None:
    made = await post(town["admin"], [town["page"]["id"]], "Tofu festival on Saturday")
    editor = as_user(principal(tenant, ("editor",)))
    (delivery,) = await approved_and_scheduled(town["admin"], editor, made["id"])
    on_page = f"{PAGE}_777"
    async with runtime.jobs_db.transaction() as session:  # as the dispatcher records it
        await session.execute(
            text(
                "UPDATE deliveries SET platform_post_id = :p, permalink = :l, state = 'published'"
                " WHERE id = :d"
            ),
            {"p": on_page, "l": f"https://www.facebook.com/{on_page}", "d": delivery["id"]},
        )
    await send_meta(town, fake.page_comment(PAGE, on_page, f"{on_page}_1", CITIZEN, "Where?"))
    await send_meta(town, fake.page_comment(PAGE, f"{PAGE}_1", f"{PAGE}_1_1", CITIZEN, "Hi"))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    threads = {t["post_ref"]: t for t in await conversations(town["admin"])}

    ours = (await town["admin"].get(f"/v1/conversations/{threads[on_page]['id']}")).json()
    other = (await town["admin"].get(f"/v1/conversations/{threads[f'{PAGE}_1']['id']}")).json()

    assert ours["post"] == {
        "post_id": made["id"],
        "text": "Tofu festival on Saturday",
        "permalink": f"https://www.facebook.com/{on_page}",
        "photo_url": None,
    }
    assert other["post"] is None  # not a post Machi published


async def test_changes_need_the_current_version_and_notes_stay_internal(
    town: dict, runtime: ServiceRuntime
) -> None:
    await send_line(town, fake.line_event("U" + "d" * 32, text="The bus was late"))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    (thread,) = await conversations(town["admin"])
    path = f"/v1/conversations/{thread['id']}"
    etag = (await town["admin"].get(path)).headers["etag"]

    waiting = await town["admin"].patch(
        path, json={"status": "waiting"}, headers={"If-Match": etag}
    )
    stale = await town["admin"].patch(path, json={"status": "closed"}, headers={"If-Match": etag})
    noted = await town["admin"].post(f"{path}/notes", json={"text": "Asked the bus company"})
    await send_line(town, fake.line_event("U" + "d" * 32, text="Any news?"))
    await inbox_jobs.ingest_once(runtime.jobs_db)

    assert waiting.status_code == 200
    assert waiting.json()["status"] == "waiting"
    assert stale.status_code == 412
    assert noted.status_code == 201
    assert [m["direction"] for m in noted.json()["messages"]] == ["in", "note"]
    again = (await town["admin"].get(path)).json()
    assert again["status"] == "open"  # the citizen wrote again
    assert [m["direction"] for m in again["messages"]] == ["in", "note", "in"]


async def test_another_towns_conversation_is_404(
    town: dict, runtime: ServiceRuntime, as_user: Client
) -> None:
    await send_line(town, fake.line_event("U" + "e" * 32, text="hello"))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    (thread,) = await conversations(town["admin"])
    other = as_user(principal(uuid.uuid4()))

    assert await conversations(other) == []
    for answer in (
        await other.get(f"/v1/conversations/{thread['id']}"),
        await other.patch(f"/v1/conversations/{thread['id']}", json={"status": "closed"}),
        await other.post(f"/v1/conversations/{thread['id']}/notes", json={"text": "mine now"}),
    ):
        assert answer.status_code == 404
        assert answer.json()["type"].endswith("#conversation-not-found")
    assert (await town["admin"].get(f"/v1/conversations/{thread['id']}")).json()["status"] == "open"


async def test_events_of_accounts_the_town_has_not_connected_are_dropped(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    elsewhere = fake.page_comment("4999", "4999_1", "4999_1_1", CITIZEN, "Hello other town")

    answer = await send_meta(town, elsewhere)

    assert answer.json() == {"received": 0, "duplicates": 0}
    assert await stored_events(runtime, tenant) == 0


async def test_a_threads_life_is_told_in_events_without_the_citizens_words(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    await send_line(town, fake.line_event("U" + "5" * 32, text="My address is 1-2-3 Takeo"))
    await send_line(town, fake.line_event("U" + "5" * 32, text="and my phone 0954-00-0000"))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    (thread,) = await conversations(town["admin"])
    path = f"/v1/conversations/{thread['id']}"

    await town["admin"].patch(path, json={"assignee": "user-7"})
    await town["admin"].patch(path, json={"status": "closed"})
    await town["admin"].patch(path, json={"status": "closed", "assignee": "user-7"})  # no change

    told = {
        kind: await events(runtime, tenant, f"publisher.conversation.{kind}.v1")
        for kind in ("opened", "assigned", "closed")
    }
    assert {kind: len(found) for kind, found in told.items()} == {
        "opened": 1,
        "assigned": 1,
        "closed": 1,
    }
    assert told["assigned"][0]["assignee"] == "user-7"
    assert all(e["conversation_id"] == thread["id"] for found in told.values() for e in found)
    assert "Takeo" not in str(told)
    assert "0954" not in str(told)


async def test_a_closed_thread_the_citizen_writes_to_again_is_told_reopened(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    user = "U" + "6" * 32
    await send_line(town, fake.line_event(user, text="Is the onsen open?"))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    (thread,) = await conversations(town["admin"])
    path = f"/v1/conversations/{thread['id']}"
    await town["admin"].patch(path, json={"status": "closed"})

    await send_line(town, fake.line_event(user, text="And tomorrow?"))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    await town["admin"].patch(path, json={"status": "closed"})
    await town["admin"].patch(path, json={"status": "waiting"})  # staff reopen it

    async def mine(kind: str) -> list[dict]:
        found = await events(runtime, tenant, f"publisher.conversation.{kind}.v1")
        return [e for e in found if e["conversation_id"] == thread["id"]]

    reopened = await mine("reopened")
    assert [e["by"] is None for e in reopened] == [True, False]  # the citizen, then staff
    assert len(await mine("closed")) == 2
    assert "tomorrow" not in str(reopened)


async def test_retention_deletes_messages_older_than_the_towns_setting_and_keeps_threads(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    days_ago = lambda n: int((datetime.now(UTC) - timedelta(days=n)).timestamp() * 1000)  # noqa: E731
    user = "U" + "4" * 32
    await send_line(town, fake.line_event(user, text="old question", timestamp_ms=days_ago(40)))
    await send_line(town, fake.line_event(user, text="new question", timestamp_ms=days_ago(2)))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    assert (await town["admin"].put("/v1/settings/inbox", json={"retention_days": 30})).json()[
        "retention_days"
    ] == 30
    async with runtime.jobs_db.transaction() as session:  # handled long ago, as its message
        await session.execute(
            text(
                "UPDATE inbox_events SET received_at = now() - interval '40 days'"
                " WHERE tenant_id = :t AND payload->'message'->>'text' = 'old question'"
            ),
            {"t": tenant},
        )

    await inbox_jobs.purge_once(runtime.jobs_db)

    (thread,) = await conversations(town["admin"])
    assert [m["text"] for m in await history(town["admin"], thread["id"])] == ["new question"]
    assert await stored_events(runtime, tenant) == 1


async def test_a_citizens_erasure_removes_their_messages_and_keeps_the_counts(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    for n, text_ in enumerate(("My name is Sato", "I live at 1-2-3")):
        body = fake.page_comment(PAGE, f"{PAGE}_5{n}", f"{PAGE}_5{n}_1", CITIZEN, text_)
        await send_meta(town, body)
    await send_meta(town, fake.page_message(PAGE, CITIZEN[0], "m_erase", "Please call me"))
    await send_line(town, fake.line_event("U" + "3" * 32, text="someone else"))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    staff = town["admin"]

    erased = await staff.post(
        "/v1/conversations/erase",
        json={"channel_id": town["page"]["id"], "author_id": CITIZEN[0]},
    )

    assert erased.status_code == 200, erased.text
    assert erased.json() == {"conversations": 3, "messages": 3}
    threads = await conversations(staff)
    assert len(threads) == 4  # the counts keep
    gone = [t for t in threads if t["platform"] == "facebook_page"]
    assert all(t["author_name"] is None and t["author_id"].startswith("erased:") for t in gone)
    assert [await history(staff, t["id"]) for t in gone] == [[], [], []]
    assert await stored_events(runtime, tenant) == 1  # only the other citizen's


async def test_an_erasure_on_another_towns_or_no_channel_is_404_and_erases_nothing(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID, as_user: Client
) -> None:
    await send_meta(town, fake.page_comment(PAGE, f"{PAGE}_7", f"{PAGE}_7_1", CITIZEN, "Hi"))
    await inbox_jobs.ingest_once(runtime.jobs_db)
    other = as_user(principal(uuid.uuid4()))

    answers = [
        await other.post(
            "/v1/conversations/erase",
            json={"channel_id": town["page"]["id"], "author_id": CITIZEN[0]},
        ),
        await town["admin"].post(
            "/v1/conversations/erase", json={"channel_id": str(uuid.uuid4()), "author_id": "x"}
        ),
    ]

    for refused in answers:
        assert refused.status_code == 404, refused.text
        assert refused.json()["type"].endswith("#channel-not-found")
    (thread,) = await conversations(town["admin"])
    assert thread["author_id"] == CITIZEN[0]
    assert len(await history(town["admin"], thread["id"])) == 1
    assert await stored_events(runtime, tenant) == 1


async def test_new_conversations_are_assigned_by_the_first_matching_rule(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    rules = [
        {"position": 10, "keyword": "ゴミ", "assignee": "garbage-desk"},
        {"position": 20, "channel_id": town["page"]["id"], "assignee": "page-desk"},
    ]
    for rule in rules:
        made = await town["admin"].post("/v1/settings/inbox/rules", json=rule)
        assert made.status_code == 201, made.text
    listed = (await town["admin"].get("/v1/settings/inbox/rules")).json()
    later = await town["admin"].post(
        "/v1/settings/inbox/rules", json={"position": 30, "assignee": "nobody-yet"}
    )
    removed = await town["admin"].delete(f"/v1/settings/inbox/rules/{later.json()['id']}")

    await send_line(town, fake.line_event("U" + "1" * 32, text="ゴミの日はいつ?"))
    await send_line(town, fake.line_event("U" + "2" * 32, text="Is the bus late?"))
    await send_meta(town, fake.page_comment(PAGE, f"{PAGE}_60", f"{PAGE}_60_1", CITIZEN, "Tofu?"))
    await inbox_jobs.ingest_once(runtime.jobs_db)

    assert [r["assignee"] for r in listed] == ["garbage-desk", "page-desk"]
    assert removed.status_code == 204
    assigned = {t["author_id"]: t["assignee"] for t in await conversations(town["admin"])}
    assert assigned == {"U" + "1" * 32: "garbage-desk", "U" + "2" * 32: None, "9001": "page-desk"}
    told = await events(runtime, tenant, "publisher.conversation.assigned.v1")
    assert sorted(e["assignee"] for e in told) == ["garbage-desk", "page-desk"]
    assert all(e["by"].startswith("rule:") for e in told)


async def test_a_rule_naming_another_towns_or_no_channel_is_404_and_stores_nothing(
    town: dict, as_user: Client
) -> None:
    other = as_user(principal(uuid.uuid4()))

    answers = [
        await other.post(
            "/v1/settings/inbox/rules", json={"channel_id": town[name]["id"], "assignee": "b"}
        )
        for name in ("page", "line")
    ]
    answers.append(
        await town["admin"].post(
            "/v1/settings/inbox/rules", json={"channel_id": str(uuid.uuid4()), "assignee": "a"}
        )
    )

    for refused in answers:
        assert refused.status_code == 404, refused.text
        assert refused.json()["type"].endswith("#channel-not-found")
    assert (await other.get("/v1/settings/inbox/rules")).json() == []
    assert (await town["admin"].get("/v1/settings/inbox/rules")).json() == []


# --- replies -------------------------------------------------------------------------------------


@pytest.fixture
async def meta() -> AsyncIterator[tuple[fake.FakeMeta, str]]:
    platform = fake.FakeMeta()
    async with serve(platform.app) as url:
        yield platform, url
    platform.hang_after_reply = False


@pytest.fixture
async def line_api() -> AsyncIterator[tuple[fake.FakeLine, str]]:
    platform = fake.FakeLine()
    async with serve(platform.app) as url:
        yield platform, url


async def send_replies(
    runtime: ServiceRuntime, meta_url: str = "", line_url: str = "", timeout: float = 10.0
) -> int:
    """The worker's reply job, once, against the fakes (which answer on loopback, though a
    starved machine can take seconds); a test of a platform that never answers shortens
    `timeout`."""
    settings = publisher_settings(facebook_graph_url=meta_url, line_api_url=line_url)
    async with httpx.AsyncClient(timeout=timeout) as http:
        return await replies.send_once(runtime.jobs_db, Sealer.of(settings), settings, http)


async def reply(client: httpx.AsyncClient, conversation_id: str, **body: Any) -> httpx.Response:
    return await client.post(f"/v1/conversations/{conversation_id}/replies", json=body)


async def one_thread(town: dict, runtime: ServiceRuntime, body: dict | None, *line: dict) -> dict:
    """Send a Meta body or LINE events, thread them; the newest thread of that platform."""
    if body is not None:
        assert (await send_meta(town, body)).status_code == 200
    if line:
        assert (await send_line(town, *line)).status_code == 200
    await inbox_jobs.ingest_once(runtime.jobs_db)
    platform = "line" if line else "facebook_page"
    return next(t for t in await conversations(town["admin"]) if t["platform"] == platform)


async def test_a_comment_reply_reaches_the_platform_once_under_the_comment(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID, meta: tuple[fake.FakeMeta, str]
) -> None:
    platform, url = meta
    comment = f"{PAGE}_20_1"
    thread = await one_thread(
        town, runtime, fake.page_comment(PAGE, f"{PAGE}_20", comment, CITIZEN, "Open today?")
    )

    queued = await reply(town["admin"], thread["id"], text="Yes, until 17:00")
    await send_replies(runtime, meta_url=url)
    await send_replies(runtime, meta_url=url)

    assert queued.status_code == 202, queued.text
    assert (queued.json()["state"], queued.json()["via"]) == ("pending", "comment")
    assert [(r["kind"], r["to"], r["message"]) for r in platform.replies] == [
        ("comment", comment, "Yes, until 17:00")
    ]
    read = (await town["admin"].get(f"/v1/conversations/{thread['id']}")).json()
    sent = read["messages"][-1]
    assert (sent["direction"], sent["state"]) == ("out", "sent")
    assert sent["platform_message_id"] == platform.replies[0]["id"]
    assert read["status"] == "waiting"
    (replied,) = await events(runtime, tenant, "publisher.conversation.replied.v1")
    assert (replied["conversation_id"], replied["via"]) == (thread["id"], "comment")


async def test_messenger_replies_only_inside_the_24_hour_window(
    town: dict, runtime: ServiceRuntime, meta: tuple[fake.FakeMeta, str]
) -> None:
    platform, url = meta
    two_days_ago = int((datetime.now(UTC) - timedelta(days=2)).timestamp() * 1000)
    await send_meta(town, fake.page_message(PAGE, "psid-old", "m_old", "Hello?", two_days_ago))
    thread = await one_thread(town, runtime, fake.page_message(PAGE, "psid-new", "m_new", "Hi"))
    old = next(t for t in await conversations(town["admin"]) if t["author_id"] == "psid-old")

    late = await reply(town["admin"], old["id"], text="Sorry for the wait")
    queued = await reply(town["admin"], thread["id"], text="How can we help?")
    await send_replies(runtime, meta_url=url)

    assert late.status_code == 409
    assert late.json()["type"].endswith("#reply-not-possible")
    assert queued.status_code == 202
    assert [(r["kind"], r["page"], r["to"]) for r in platform.replies] == [
        ("message", PAGE, "psid-new")
    ]


async def test_line_answers_with_the_reply_token_then_pushes_only_when_confirmed(
    town: dict, runtime: ServiceRuntime, line_api: tuple[fake.FakeLine, str]
) -> None:
    platform, url = line_api
    user = "U" + "f" * 32
    event = fake.line_event(user, text="Is the library open?")
    thread = await one_thread(town, runtime, None, event)

    first = await reply(town["admin"], thread["id"], text="Yes, 9 to 5")
    await send_replies(runtime, line_url=url)
    unconfirmed = await reply(town["admin"], thread["id"], text="And on Sundays too")
    pushed = await reply(town["admin"], thread["id"], text="And on Sundays too", confirm_push=True)
    await send_replies(runtime, line_url=url)

    assert first.json()["via"] == "reply"
    assert [r["replyToken"] for r in platform.replies] == [event["replyToken"]]
    assert unconfirmed.status_code == 409
    assert unconfirmed.json()["type"].endswith("#push-needs-confirmation")
    assert pushed.json()["via"] == "push"
    assert [(p["to"], p["messages"][0]["text"]) for p in platform.pushes] == [
        (user, "And on Sundays too")
    ]


async def test_a_reply_that_cannot_be_prepared_fails_and_holds_up_no_other(
    town: dict,
    runtime: ServiceRuntime,
    meta: tuple[fake.FakeMeta, str],
    line_api: tuple[fake.FakeLine, str],
) -> None:
    line_platform, line_url = line_api
    meta_platform, meta_url = meta
    line_thread = await one_thread(town, runtime, None, fake.line_event("U" + "9" * 32, text="?"))
    comment = f"{PAGE}_80_1"
    page_thread = await one_thread(
        town, runtime, fake.page_comment(PAGE, f"{PAGE}_80", comment, CITIZEN, "Open?")
    )
    stuck = await reply(town["admin"], line_thread["id"], text="first in the queue")
    await reply(town["admin"], page_thread["id"], text="Yes")
    async with runtime.jobs_db.transaction() as session:  # a key rotated without re-sealing
        await session.execute(
            text("UPDATE channels SET credentials = 'not-a-fernet-token' WHERE id = :id"),
            {"id": town["line"]["id"]},
        )

    await send_replies(runtime, meta_url=meta_url, line_url=line_url)
    await send_replies(runtime, meta_url=meta_url, line_url=line_url)

    assert [(r["to"], r["message"]) for r in meta_platform.replies] == [(comment, "Yes")]
    assert line_platform.replies == line_platform.pushes == []
    failed = (await history(town["admin"], line_thread["id"]))[-1]
    assert (failed["id"], failed["state"]) == (stuck.json()["id"], "failed")
    assert failed["error"]


async def test_a_reply_token_expired_before_sending_fails_without_a_push(
    town: dict, runtime: ServiceRuntime, line_api: tuple[fake.FakeLine, str]
) -> None:
    platform, url = line_api
    event = fake.line_event("U" + "9" * 32, text="Where do I get a bin?")
    thread = await one_thread(town, runtime, None, event)
    platform.expired_tokens.add(event["replyToken"])

    await reply(town["admin"], thread["id"], text="At the town hall")
    await send_replies(runtime, line_url=url)

    sent = (await history(town["admin"], thread["id"]))[-1]
    assert sent["state"] == "failed"
    assert "push" in sent["error"]
    assert platform.replies == platform.pushes == []


async def test_a_reply_whose_outcome_is_unknown_is_never_sent_twice(
    town: dict, runtime: ServiceRuntime, meta: tuple[fake.FakeMeta, str]
) -> None:
    platform, url = meta
    thread = await one_thread(
        town, runtime, fake.page_comment(PAGE, f"{PAGE}_30", f"{PAGE}_30_1", CITIZEN, "Hi")
    )
    platform.hang_after_reply = True  # Meta takes the reply and never answers

    await reply(town["admin"], thread["id"], text="Hello!")
    await send_replies(runtime, meta_url=url, timeout=0.5)
    platform.hang_after_reply = False
    await send_replies(runtime, meta_url=url)

    sent = (await history(town["admin"], thread["id"]))[-1]
    assert sent["state"] == "unconfirmed"
    assert len(platform.replies) == 1


async def test_a_worker_killed_while_sending_never_sends_twice(
    town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    meta: tuple[fake.FakeMeta, str],
    line_api: tuple[fake.FakeLine, str],
) -> None:
    """A worker that died after its call and before recording it left the reply `sending`:
    Meta's reply (no idempotency key) is settled as unconfirmed, not sent again; LINE's push is
    sent again with the same retry key, which LINE answers 409 (accepted the first time)."""
    (platform, meta_url), (line, line_url) = meta, line_api
    comment = await one_thread(
        town, runtime, fake.page_comment(PAGE, f"{PAGE}_40", f"{PAGE}_40_1", CITIZEN, "Hi")
    )
    minutes_ago = int((datetime.now(UTC) - timedelta(minutes=3)).timestamp() * 1000)
    stale_token = fake.line_event("U" + "7" * 32, text="?", timestamp_ms=minutes_ago)
    pushed_thread = await one_thread(town, runtime, None, stale_token)
    await reply(town["admin"], comment["id"], text="Answered")
    await reply(town["admin"], pushed_thread["id"], text="Pushed", confirm_push=True)
    await send_replies(runtime, meta_url=meta_url, line_url=line_url)
    async with runtime.jobs_db.transaction() as session:  # as the dead worker left them
        await session.execute(
            text(
                "UPDATE conversation_messages SET state = 'sending',"
                " sending_started_at = now() - interval '10 minutes'"
                " WHERE tenant_id = :t AND direction = 'out'"
            ),
            {"t": tenant},
        )

    await send_replies(runtime, meta_url=meta_url, line_url=line_url)  # settles the lost ones
    await send_replies(runtime, meta_url=meta_url, line_url=line_url)

    assert len(platform.replies) == len(line.pushes) == 1
    states = {
        t["id"]: (await history(town["admin"], t["id"]))[-1]["state"]
        for t in (comment, pushed_thread)
    }
    assert states == {comment["id"]: "unconfirmed", pushed_thread["id"]: "sent"}


# --- Facebook and Instagram: a lost answer found under the comment -------------------------------


@pytest.mark.parametrize("platform_name", ["facebook_page", "instagram"])
async def test_a_comment_reply_whose_worker_was_killed_is_found_under_the_comment(
    town: dict,
    runtime: ServiceRuntime,
    tenant: uuid.UUID,
    meta: tuple[fake.FakeMeta, str],
    platform_name: str,
) -> None:
    """Meta's comment replies have no idempotency key: a reply whose worker died after Meta took
    it is settled `unconfirmed`, then found among the comment's replies by the Page (or the
    Instagram account) and recorded `sent`; the platform holds one answer."""
    platform, url = meta
    if platform_name == "facebook_page":
        comment = f"{PAGE}_70_1"
        body = fake.page_comment(PAGE, f"{PAGE}_70", comment, CITIZEN, "Open on holidays?")
    else:
        comment = "17900070"
        body = fake.instagram_comment(IG, "18000070", comment, ("556", "ken.i"), "Open?")
    assert (await send_meta(town, body)).status_code == 200
    await inbox_jobs.ingest_once(runtime.jobs_db)
    (thread,) = [t for t in await conversations(town["admin"]) if t["platform"] == platform_name]
    await reply(town["admin"], thread["id"], text="Yes, 9:00 to 17:00")
    platform.hang_after_reply = True

    await killed_while_sending(send_replies(runtime, meta_url=url), lambda: platform.replies)
    platform.hang_after_reply = False
    await started_ago(runtime, tenant, timedelta(minutes=10))
    await send_replies(runtime, meta_url=url)
    unsure = (await history(town["admin"], thread["id"]))[-1]["state"]
    settings = publisher_settings(facebook_graph_url=url)
    async with httpx.AsyncClient(timeout=10.0) as http:
        await replies.reconcile_once(runtime.jobs_db, Sealer.of(settings), settings, http, http)

    assert unsure == "unconfirmed"
    (answered,) = platform.replies
    assert (answered["to"], answered["message"]) == (comment, "Yes, 9:00 to 17:00")
    sent = (await history(town["admin"], thread["id"]))[-1]
    assert (sent["state"], sent["platform_message_id"]) == ("sent", answered["id"])


# --- LINE: an expired reply token ----------------------------------------------------------------


async def test_an_expired_line_reply_token_pushes_only_after_the_quota_cost_is_confirmed(
    town: dict, runtime: ServiceRuntime, line_api: tuple[fake.FakeLine, str]
) -> None:
    platform, url = line_api
    user = "U" + "e" * 32
    minutes_ago = int((time.time() - 180) * 1000)  # its reply token lived about a minute
    event = fake.line_event(user, text="Is the pool open?", timestamp_ms=minutes_ago)
    thread = await one_thread(town, runtime, None, event)

    asked = await town["admin"].post(
        f"/v1/conversations/{thread['id']}/replies", json={"text": "Until 21:00"}
    )
    await send_replies(runtime, line_url=url)
    nothing_yet = (list(platform.replies), list(platform.pushes))
    confirmed = await town["admin"].post(
        f"/v1/conversations/{thread['id']}/replies",
        json={"text": "Until 21:00", "confirm_push": True},
    )
    await send_replies(runtime, line_url=url)
    await send_replies(runtime, line_url=url)

    assert asked.status_code == 409
    assert asked.json()["type"].endswith("#push-needs-confirmation")
    assert "quota" in asked.json()["detail"]
    assert nothing_yet == ([], [])
    assert (confirmed.status_code, confirmed.json()["via"]) == (202, "push")
    assert platform.replies == []
    assert [(p["to"], p["messages"][0]["text"]) for p in platform.pushes] == [(user, "Until 21:00")]
    assert len(platform.keys) == 1  # sent with its X-Line-Retry-Key
    sent = (await history(town["admin"], thread["id"]))[-1]
    assert sent["state"] == "sent"
