"""The inbox's teamwork (issue 16): saved replies in ja, ko and en, groups of staff with
round-robin assignment, and an editor's approval before a public reply goes out."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import Any

import httpx
from sqlalchemy import text

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing import platforms as fake
from kit.testing.plugin import principal
from publisher.inbox import groups
from publisher.inbox import jobs as inbox_jobs
from publisher.inbox import rules as inbox_rules

from . import test_inbox as inbox_tests
from .conftest import events
from .test_inbox import (
    PAGE,
    conversations,
    history,
    one_thread,
    reply,
    send_line,
    send_replies,
)

# The inbox's own fixtures: a town with its channels, and the fake platforms.
town, meta, line_api = inbox_tests.town, inbox_tests.meta, inbox_tests.line_api

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
TEMPLATES = "/v1/settings/inbox/templates"
GROUPS = "/v1/settings/inbox/groups"
RULES = "/v1/settings/inbox/rules"
OPENING_HOURS = {
    "ja": "開館時間は9時から17時です。",
    "ko": "개관 시간은 9시부터 17시까지입니다.",
    "en": "We are open from 9:00 to 17:00.",
}


async def template(client: httpx.AsyncClient, **body: Any) -> dict:
    made = await client.post(TEMPLATES, json=body)
    assert made.status_code == 201, made.text
    return dict(made.json())


async def comment_thread(town: dict, runtime: ServiceRuntime, n: int) -> dict:
    post = f"{PAGE}_{500 + n}"
    body = fake.page_comment(PAGE, post, f"{post}_1", (f"80{n}", "Citizen"), "Open today?")
    await one_thread(town, runtime, body)
    return next(t for t in await conversations(town["admin"]) if t["post_ref"] == post)


# --- saved replies -------------------------------------------------------------------------------


async def test_editors_keep_saved_replies_and_everyone_who_answers_reads_them(
    town: dict, as_user: Client, tenant: uuid.UUID
) -> None:
    editor = as_user(principal(tenant, ("editor",)))
    writer = as_user(principal(tenant, ("writer",)))
    staff = as_user(principal(tenant, ("staff",)))

    made = await template(editor, title="Opening hours", bodies=OPENING_HOURS)
    path = f"{TEMPLATES}/{made['id']}"
    etag = (await editor.get(path)).headers["etag"]
    renamed = await editor.patch(
        path, json={"title": "Hours", "bodies": {"en": "9 to 5"}}, headers={"If-Match": etag}
    )
    stale = await editor.patch(path, json={"title": "Late"}, headers={"If-Match": etag})
    refused = await writer.post(TEMPLATES, json={"title": "Mine", "bodies": {"en": "x"}})
    read_by_staff = await staff.get(TEMPLATES)

    assert made["bodies"] == OPENING_HOURS
    assert renamed.status_code == 200, renamed.text
    assert (renamed.json()["title"], renamed.json()["bodies"]) == ("Hours", {"en": "9 to 5"})
    assert stale.status_code == 412
    assert refused.status_code == 403
    assert [(t["title"], t["bodies"]) for t in read_by_staff.json()] == [
        ("Hours", {"en": "9 to 5"})
    ]
    removed = await editor.delete(path)
    assert removed.status_code == 204
    assert (await staff.get(path)).status_code == 404
    assert (await staff.get(TEMPLATES)).json() == []


async def test_a_saved_reply_of_bad_shape_is_422_and_stores_nothing(town: dict) -> None:
    admin = town["admin"]
    for body in (
        {"title": "No words", "bodies": {}},
        {"title": "Unknown language", "bodies": {"fr": "Bonjour"}},
        {"title": "", "bodies": {"en": "Hi"}},
        {"title": "Empty text", "bodies": {"en": ""}},
        {"title": "Too long", "bodies": {"ja": "あ" * 2001}},
        {"bodies": {"en": "Hi"}},
    ):
        refused = await admin.post(TEMPLATES, json=body)
        assert refused.status_code == 422, (body, refused.text)
        assert refused.headers["content-type"].startswith("application/problem+json")
    assert (await admin.get(TEMPLATES)).json() == []


async def test_a_saved_reply_goes_out_in_each_language_exactly_once(
    town: dict, runtime: ServiceRuntime, meta: tuple[fake.FakeMeta, str]
) -> None:
    platform, url = meta
    saved = await template(town["admin"], title="Opening hours", bodies=OPENING_HOURS)
    threads = {lang: await comment_thread(town, runtime, n) for n, lang in enumerate(OPENING_HOURS)}

    queued = {
        lang: await reply(town["admin"], t["id"], template_id=saved["id"], language=lang)
        for lang, t in threads.items()
    }
    await send_replies(runtime, meta_url=url)
    await send_replies(runtime, meta_url=url)

    for answer in queued.values():
        assert answer.status_code == 202, answer.text
        assert answer.json()["template_id"] == saved["id"]
    sent = sorted((r["to"], r["message"]) for r in platform.replies)
    assert sent == sorted(
        (f"{PAGE}_{500 + n}_1", OPENING_HOURS[lang]) for n, lang in enumerate(OPENING_HOURS)
    )
    for lang, thread in threads.items():
        last = (await history(town["admin"], thread["id"]))[-1]
        assert (last["text"], last["state"]) == (OPENING_HOURS[lang], "sent")


async def test_a_saved_reply_without_a_language_is_sent_in_the_citizens(
    town: dict, runtime: ServiceRuntime, line_api: tuple[fake.FakeLine, str]
) -> None:
    line, url = line_api
    saved = await template(town["admin"], title="Opening hours", bodies=OPENING_HOURS)
    thread = await one_thread(
        town, runtime, None, fake.line_event("U" + "b" * 32, text="도서관은 몇 시까지 해요?")
    )

    queued = await reply(town["admin"], thread["id"], template_id=saved["id"])
    await send_replies(runtime, line_url=url)

    assert thread["language"] == "ko"
    assert queued.status_code == 202, queued.text
    assert [r["messages"][0]["text"] for r in line.replies] == [OPENING_HOURS["ko"]]


async def test_a_template_reply_that_cannot_be_chosen_is_refused_and_queues_nothing(
    town: dict, runtime: ServiceRuntime, as_user: Client
) -> None:
    thread = await comment_thread(town, runtime, 7)
    english_only = await template(town["admin"], title="Hi", bodies={"en": "Hello!"})
    both = await template(town["admin"], title="Hours", bodies=OPENING_HOURS)
    asian = await template(
        town["admin"], title="Hours (ja, ko)", bodies={k: OPENING_HOURS[k] for k in ("ja", "ko")}
    )
    elsewhere = await template(
        as_user(principal(uuid.uuid4())), title="Theirs", bodies={"en": "Not yours"}
    )

    answers = {
        "no language it has": await reply(
            town["admin"], thread["id"], template_id=english_only["id"], language="ko"
        ),
        "several, none the citizen's": await reply(
            town["admin"], thread["id"], template_id=asian["id"]
        ),
        "text and template": await reply(
            town["admin"], thread["id"], text="Hi", template_id=both["id"], language="en"
        ),
        "neither": await reply(town["admin"], thread["id"]),
        "language without template": await reply(
            town["admin"], thread["id"], text="Hi", language="en"
        ),
        "unknown language": await reply(
            town["admin"], thread["id"], template_id=both["id"], language="fr"
        ),
    }
    unknown = await reply(town["admin"], thread["id"], template_id=str(uuid.uuid4()))
    theirs = await reply(town["admin"], thread["id"], template_id=elsewhere["id"])

    for why, refused in answers.items():
        assert refused.status_code == 422, (why, refused.text)
        assert refused.headers["content-type"].startswith("application/problem+json")
    assert answers["no language it has"].json()["type"].endswith("#template-language-missing")
    for missing in (unknown, theirs):
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("#template-not-found")
    assert [m["direction"] for m in await history(town["admin"], thread["id"])] == ["in"]


# --- groups and routing --------------------------------------------------------------------------


async def group(client: httpx.AsyncClient, name: str, *members: InternalPrincipal) -> dict:
    made = await client.post(GROUPS, json={"name": name, "members": [m.sub for m in members]})
    assert made.status_code == 201, made.text
    return dict(made.json())


async def rule(client: httpx.AsyncClient, **body: Any) -> dict:
    made = await client.post(RULES, json=body)
    assert made.status_code == 201, made.text
    return dict(made.json())


async def citizens_write(town: dict, runtime: ServiceRuntime, *words: str) -> dict[str, dict]:
    """New LINE citizens, one per text, each opening a thread; threads by citizen id."""
    users = {f"U{uuid.uuid4().hex}": said for said in words}
    for user, said in users.items():
        assert (await send_line(town, fake.line_event(user, text=said))).status_code == 200
    await inbox_jobs.ingest_once(runtime.jobs_db)
    return {
        t["author_id"]: t for t in await conversations(town["admin"]) if t["author_id"] in users
    }


async def test_admins_keep_groups_of_staff_and_whoever_answers_reads_them(
    town: dict, as_user: Client, tenant: uuid.UUID
) -> None:
    aiko, ben = principal(tenant, ("staff",)), principal(tenant, ("writer",))
    admin, staff = town["admin"], as_user(aiko)

    made = await group(admin, "tourism", aiko, ben, aiko)
    path = f"{GROUPS}/{made['id']}"
    etag = (await admin.get(path)).headers["etag"]
    renamed = await admin.patch(
        path, json={"name": "観光", "members": [ben.sub]}, headers={"If-Match": etag}
    )
    stale = await admin.patch(path, json={"name": "late"}, headers={"If-Match": etag})
    taken = await admin.post(GROUPS, json={"name": "観光"})
    await group(admin, "garbage collection")
    clash = await admin.patch(path, json={"name": "garbage collection"})
    refused = await staff.post(GROUPS, json={"name": "mine"})
    bad = [
        await admin.post(GROUPS, json=body)
        for body in ({"name": ""}, {"name": "x", "members": ["not-a-user-id"]}, {"members": []})
    ]

    assert made["members"] == [aiko.sub, ben.sub]  # in turn order, once each
    assert renamed.status_code == 200, renamed.text
    assert (renamed.json()["name"], renamed.json()["members"]) == ("観光", [ben.sub])
    assert stale.status_code == 412
    for conflict in (taken, clash):
        assert conflict.status_code == 409
        assert conflict.json()["type"].endswith("#group-name-taken")
    assert refused.status_code == 403
    assert all(b.status_code == 422 for b in bad), [b.text for b in bad]
    listed = (await staff.get(GROUPS)).json()
    assert [(g["name"], g["members"]) for g in listed] == [
        ("garbage collection", []),
        ("観光", [ben.sub]),
    ]


async def test_a_groups_conversations_go_round_its_members_even_when_opened_at_once(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    members = [principal(tenant, ("staff",)) for _ in range(3)]
    team = await group(town["admin"], "garbage collection", *members)
    await rule(town["admin"], keyword="ゴミ", group_id=team["id"])
    for n in range(9):
        await send_line(town, fake.line_event(f"U{uuid.uuid4().hex}", text=f"ゴミの日 {n}"))

    # Three workers thread the nine new conversations at the same time.
    await asyncio.gather(*(inbox_jobs.ingest_once(runtime.jobs_db, batch=9) for _ in range(3)))
    await send_line(town, fake.line_event(f"U{uuid.uuid4().hex}", text="ゴミ again"))
    await inbox_jobs.ingest_once(runtime.jobs_db)

    threads = await conversations(town["admin"])
    assert len(threads) == 10
    assert {t["group_id"] for t in threads} == {team["id"]}
    taken = [t["assignee"] for t in threads]
    assert sorted(taken.count(m.sub) for m in members) == [3, 3, 4]
    told = await events(runtime, tenant, "publisher.conversation.assigned.v1")
    assert len(told) == 10
    assert {(e["group_id"], e["by"].split(":")[0]) for e in told} == {(team["id"], "rule")}


async def test_a_turn_taken_while_another_is_being_taken_waits_and_goes_to_the_next_member(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    """The moment of the race, held open: the first conversation's transaction has taken a
    turn and not committed yet when the second one asks."""
    members = [principal(tenant, ("staff",)) for _ in range(3)]
    team = uuid.UUID((await group(town["admin"], "tourism", *members))["id"])
    taken, release = asyncio.Event(), asyncio.Event()

    async def first() -> str | None:
        async with runtime.jobs_db.transaction(tenant) as session:
            member = (await groups.take_turn(session, team))[1]
            taken.set()
            await release.wait()
            return member

    async def second() -> str | None:
        await taken.wait()
        async with runtime.jobs_db.transaction(tenant) as session:
            return (await groups.take_turn(session, team))[1]

    one, two = asyncio.create_task(first()), asyncio.create_task(second())
    await taken.wait()
    await asyncio.sleep(0.3)
    waited = not two.done()
    release.set()

    assert waited  # on the group's lock
    assert [await one, await two] == [members[0].sub, members[1].sub]


async def test_a_rule_by_language_routes_the_citizens_words_by_their_script(
    town: dict, runtime: ServiceRuntime
) -> None:
    korean = await rule(town["admin"], language="ko", assignee="korean-desk")
    await rule(town["admin"], language="en", assignee="english-desk")

    threads = await citizens_write(
        town, runtime, "쓰레기 수거일이 언제예요?", "When is garbage day?", "ゴミの日はいつ?", "👍"
    )

    routed = {t["language"]: t["assignee"] for t in threads.values()}
    assert routed == {"ko": "korean-desk", "en": "english-desk", "ja": None, None: None}
    assert korean["language"] == "ko"
    assert inbox_rules.language_of("温泉") == "ja"
    assert inbox_rules.language_of("ソウル에서 왔어요") == "ja"  # kana is only Japanese


async def test_a_member_sees_the_groups_conversations_and_others_get_404(
    town: dict, runtime: ServiceRuntime, as_user: Client, tenant: uuid.UUID
) -> None:
    aiko, ben, chie = (principal(tenant, ("staff",)) for _ in range(3))
    team = await group(town["admin"], "tourism", ben, aiko)
    await rule(town["admin"], keyword="onsen", group_id=team["id"])
    threads = await citizens_write(town, runtime, "Is the onsen open?", "Bus times?")
    tourism = next(t for t in threads.values() if t["group_id"])
    free = next(t for t in threads.values() if not t["group_id"])
    path = f"/v1/conversations/{tourism['id']}"
    as_aiko, as_chie = as_user(aiko), as_user(chie)

    assert tourism["assignee"] == ben.sub  # first in turn
    assert {t["id"] for t in await conversations(as_aiko)} == {tourism["id"], free["id"]}
    assert [t["id"] for t in await conversations(as_aiko, group="mine")] == [tourism["id"]]
    assert await conversations(as_aiko, assignee="me") == []
    assert (await as_aiko.get(path)).status_code == 200
    noted = await as_aiko.post(f"{path}/notes", json={"text": "I know the onsen's hours"})
    assert noted.status_code == 201
    assert {t["id"] for t in await conversations(as_chie)} == {free["id"]}
    for answer in (
        await as_chie.get(path),
        await as_chie.patch(path, json={"status": "closed"}),
        await as_chie.post(f"{path}/notes", json={"text": "mine now"}),
        await reply(as_chie, tourism["id"], text="Hello"),
    ):
        assert answer.status_code == 404, answer.text
        assert answer.json()["type"].endswith("#conversation-not-found")
    counts = (await as_aiko.get("/v1/conversations/counts")).json()
    assert (counts["open_mine"], counts["open_my_groups"], counts["open_unassigned"]) == (0, 1, 1)
    after = (await town["admin"].get(path)).json()
    assert (after["status"], [m["direction"] for m in after["messages"]]) == (
        "open",
        ["in", "note"],
    )


async def test_staff_hand_a_conversation_to_a_group_or_a_person(
    town: dict, runtime: ServiceRuntime, as_user: Client, tenant: uuid.UUID
) -> None:
    aiko, ben = principal(tenant, ("staff",)), principal(tenant, ("staff",))
    team = await group(town["admin"], "Fun Buy orders", aiko, ben)
    elsewhere = await group(as_user(principal(uuid.uuid4())), "theirs")
    (thread,) = (await citizens_write(town, runtime, "Where is my order?")).values()
    path = f"/v1/conversations/{thread['id']}"
    as_aiko = as_user(aiko)

    to_group = await as_aiko.patch(path, json={"group_id": team["id"]})
    to_ben = await as_aiko.patch(path, json={"assignee": ben.sub})
    theirs = await town["admin"].patch(path, json={"group_id": elsewhere["id"]})
    out = await town["admin"].patch(path, json={"group_id": None, "assignee": None})

    assert to_group.status_code == 200, to_group.text
    assert (to_group.json()["group_id"], to_group.json()["assignee"]) == (team["id"], aiko.sub)
    assert (to_ben.json()["group_id"], to_ben.json()["assignee"]) == (team["id"], ben.sub)
    assert theirs.status_code == 404
    assert theirs.json()["type"].endswith("#group-not-found")
    assert (out.json()["group_id"], out.json()["assignee"]) == (None, None)
    told = await events(runtime, tenant, "publisher.conversation.assigned.v1")
    assert [(e["assignee"], e["group_id"]) for e in told] == [
        (aiko.sub, team["id"]),
        (ben.sub, team["id"]),
        (None, None),
    ]
    assert [e["by"] for e in told[:2]] == [aiko.sub, aiko.sub]


async def test_the_list_narrows_by_group_channel_language_and_age(
    town: dict, runtime: ServiceRuntime
) -> None:
    team = await group(town["admin"], "tourism")
    await rule(town["admin"], language="en", group_id=team["id"])
    threads = await citizens_write(town, runtime, "Onsen hours?", "温泉は何時まで?")
    english = next(t for t in threads.values() if t["language"] == "en")
    japanese = next(t for t in threads.values() if t["language"] == "ja")
    async with runtime.jobs_db.transaction() as session:
        await session.execute(
            text("UPDATE conversations SET created_at = now() - interval '3 days' WHERE id = :id"),
            {"id": japanese["id"]},
        )

    def ids(found: list[dict]) -> set[str]:
        return {t["id"] for t in found}

    admin = town["admin"]
    assert ids(await conversations(admin, group=team["id"])) == {english["id"]}
    assert ids(await conversations(admin, group="none")) == {japanese["id"]}
    assert ids(await conversations(admin, language="ja")) == {japanese["id"]}
    assert ids(await conversations(admin, older_than_hours=48)) == {japanese["id"]}
    assert ids(await conversations(admin, channel_id=town["line"]["id"], status="open")) == {
        english["id"],
        japanese["id"],
    }
    assert await conversations(admin, channel_id=town["page"]["id"]) == []
    # The group has no member yet: its conversation is nobody's, but not unassigned.
    assert english["assignee"] is None
    assert (await admin.get("/v1/conversations/counts")).json()["open_unassigned"] == 1
    for bad in ({"group": "tourism"}, {"older_than_hours": 0}, {"language": "fr"}):
        refused = await admin.get("/v1/conversations", params=bad)
        assert refused.status_code == 422, refused.text


async def test_a_rule_goes_to_a_person_or_a_group_of_the_town(town: dict, as_user: Client) -> None:
    elsewhere = await group(as_user(principal(uuid.uuid4())), "theirs")
    team = await group(town["admin"], "tourism")

    both = await town["admin"].post(RULES, json={"assignee": "a", "group_id": team["id"]})
    neither = await town["admin"].post(RULES, json={"keyword": "onsen"})
    theirs = await town["admin"].post(RULES, json={"group_id": elsewhere["id"]})
    removed = await town["admin"].delete(f"{GROUPS}/{team['id']}")

    assert (both.status_code, neither.status_code) == (422, 422)
    assert theirs.status_code == 404
    assert theirs.json()["type"].endswith("#group-not-found")
    assert removed.status_code == 204
    assert (await town["admin"].get(RULES)).json() == []


async def test_removing_a_group_drops_its_rules_and_frees_its_conversations(
    town: dict, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    aiko = principal(tenant, ("staff",))
    team = await group(town["admin"], "tourism", aiko)
    await rule(town["admin"], keyword="onsen", group_id=team["id"])
    await rule(town["admin"], keyword="bus", assignee="bus-desk")
    (thread,) = (await citizens_write(town, runtime, "onsen?")).values()

    removed = await town["admin"].delete(f"{GROUPS}/{team['id']}")

    assert removed.status_code == 204
    assert [r["assignee"] for r in (await town["admin"].get(RULES)).json()] == ["bus-desk"]
    after = (await town["admin"].get(f"/v1/conversations/{thread['id']}")).json()
    assert (after["group_id"], after["assignee"]) == (None, aiko.sub)


# --- approval before a public reply -----------------------------------------------------------


async def approval_required(town: dict) -> None:
    stored = await town["admin"].put(
        "/v1/settings/inbox", json={"public_replies_need_approval": True}
    )
    assert stored.status_code == 200, stored.text
    assert stored.json()["public_replies_need_approval"] is True


def review(
    client: httpx.AsyncClient, thread: dict, message: dict, verdict: str, **body: Any
) -> Any:
    path = f"/v1/conversations/{thread['id']}/replies/{message['id']}/{verdict}"
    return client.post(path, json=body or None)


async def test_a_writers_public_reply_waits_for_an_editor_then_goes_out_once(
    town: dict,
    runtime: ServiceRuntime,
    as_user: Client,
    tenant: uuid.UUID,
    meta: tuple[fake.FakeMeta, str],
) -> None:
    platform, url = meta
    await approval_required(town)
    writer, editor = principal(tenant, ("writer",)), principal(tenant, ("editor",))
    as_writer, as_editor = as_user(writer), as_user(editor)
    thread = await comment_thread(town, runtime, 20)
    await town["admin"].patch(f"/v1/conversations/{thread['id']}", json={"assignee": writer.sub})

    held = await reply(as_writer, thread["id"], text="The onsen opens at 10")
    await send_replies(runtime, meta_url=url)
    nothing_yet = list(platform.replies)
    waiting = await conversations(as_editor, awaiting_approval="true")
    counted = (await as_editor.get("/v1/conversations/counts")).json()["awaiting_approval"]
    by_writer = await review(as_writer, thread, held.json(), "approve")
    approved = await review(as_editor, thread, held.json(), "approve")
    again = await review(town["admin"], thread, held.json(), "approve")
    await send_replies(runtime, meta_url=url)
    await send_replies(runtime, meta_url=url)

    assert held.status_code == 202, held.text
    assert held.json()["state"] == "awaiting_approval"
    assert nothing_yet == []
    assert [t["id"] for t in waiting] == [thread["id"]]
    assert counted == 1
    assert by_writer.status_code == 403
    assert approved.status_code == 200, approved.text
    assert (approved.json()["state"], approved.json()["reviewed_by"]) == ("pending", editor.sub)
    assert again.status_code == 409
    assert again.json()["type"].endswith("#reply-not-awaiting-approval")
    assert [(r["to"], r["message"]) for r in platform.replies] == [
        (f"{PAGE}_520_1", "The onsen opens at 10")
    ]
    assert (await history(town["admin"], thread["id"]))[-1]["state"] == "sent"
    assert await conversations(as_editor, awaiting_approval="true") == []


async def test_a_rejected_public_reply_is_never_sent(
    town: dict,
    runtime: ServiceRuntime,
    as_user: Client,
    tenant: uuid.UUID,
    meta: tuple[fake.FakeMeta, str],
) -> None:
    platform, url = meta
    await approval_required(town)
    staff, editor = principal(tenant, ("staff",)), principal(tenant, ("editor",))
    as_editor = as_user(editor)
    thread = await comment_thread(town, runtime, 21)
    held = (await reply(as_user(staff), thread["id"], text="That is your own fault")).json()

    no_reason = await review(as_editor, thread, held, "reject", reason="")
    rejected = await review(as_editor, thread, held, "reject", reason="Too harsh: apologise")
    late = await review(as_editor, thread, held, "approve")
    await send_replies(runtime, meta_url=url)

    assert no_reason.status_code == 422
    assert rejected.status_code == 200, rejected.text
    assert (rejected.json()["state"], rejected.json()["review_comment"]) == (
        "rejected",
        "Too harsh: apologise",
    )
    assert late.status_code == 409
    assert platform.replies == []
    last = (await history(town["admin"], thread["id"]))[-1]
    assert (last["state"], last["reviewed_by"]) == ("rejected", editor.sub)


async def test_private_replies_and_editors_replies_do_not_wait(
    town: dict,
    runtime: ServiceRuntime,
    as_user: Client,
    tenant: uuid.UUID,
    line_api: tuple[fake.FakeLine, str],
) -> None:
    line, url = line_api
    await approval_required(town)
    writer = as_user(principal(tenant, ("writer",)))
    comment = await comment_thread(town, runtime, 22)
    private = await one_thread(town, runtime, None, fake.line_event("U" + "a" * 32, text="?"))

    by_editor = await reply(as_user(principal(tenant, ("editor",))), comment["id"], text="Yes")
    in_private = await reply(writer, private["id"], text="We will call you")
    await send_replies(runtime, line_url=url)

    assert by_editor.json()["state"] == "pending"
    assert in_private.json()["state"] == "pending"
    assert [r["messages"][0]["text"] for r in line.replies] == ["We will call you"]


async def test_nobody_approves_their_own_reply_and_a_citizens_message_is_no_reply_to_review(
    town: dict, runtime: ServiceRuntime, as_user: Client, tenant: uuid.UUID
) -> None:
    await approval_required(town)
    writer = principal(tenant, ("writer",))
    thread = await comment_thread(town, runtime, 23)
    held = (await reply(as_user(writer), thread["id"], text="Soon")).json()
    promoted = InternalPrincipal(
        sub=writer.sub, kind="user", tenant_id=tenant, roles=frozenset({"editor"})
    )
    citizens = (await history(town["admin"], thread["id"]))[0]

    own = await review(as_user(promoted), thread, held, "approve")
    not_a_reply = await review(town["admin"], thread, citizens, "approve")
    nobodys = await review(town["admin"], thread, {"id": str(uuid.uuid4())}, "reject", reason="x")

    assert own.status_code == 403
    assert own.json()["type"].endswith("#self-approval")
    for missing in (not_a_reply, nobodys):
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("#reply-not-found")
    assert (await history(town["admin"], thread["id"]))[-1]["state"] == "awaiting_approval"
