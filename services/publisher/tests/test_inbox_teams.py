"""The inbox's teamwork (issue 16): saved replies in ja, ko and en, groups of staff with
round-robin assignment, and an editor's approval before a public reply goes out."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing import platforms as fake
from kit.testing.plugin import principal

from . import test_inbox as inbox_tests
from .test_inbox import PAGE, conversations, history, one_thread, reply, send_replies

# The inbox's own fixtures: a town with its channels, and the fake platforms.
town, meta, line_api = inbox_tests.town, inbox_tests.meta, inbox_tests.line_api

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
TEMPLATES = "/v1/settings/inbox/templates"
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


async def test_a_template_reply_that_cannot_be_chosen_is_refused_and_queues_nothing(
    town: dict, runtime: ServiceRuntime, as_user: Client
) -> None:
    thread = await comment_thread(town, runtime, 7)
    english_only = await template(town["admin"], title="Hi", bodies={"en": "Hello!"})
    both = await template(town["admin"], title="Hours", bodies=OPENING_HOURS)
    elsewhere = await template(
        as_user(principal(uuid.uuid4())), title="Theirs", bodies={"en": "Not yours"}
    )

    answers = {
        "no language it has": await reply(
            town["admin"], thread["id"], template_id=english_only["id"], language="ko"
        ),
        "several, none chosen": await reply(town["admin"], thread["id"], template_id=both["id"]),
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
