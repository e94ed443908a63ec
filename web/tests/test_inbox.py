"""The inbox pages' own logic, without a platform: the list's filters as query strings (the
page's and the API's), and the menu's counter of open conversations (one API call)."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest

from machi_client import AuthenticatedClient
from machi_client.models import MeRead
from web import i18n, rendering
from web.console import navigation
from web.inbox.service import Answer, Change, Filters

CHANNEL = str(uuid.uuid4())


@pytest.mark.parametrize(
    ("query", "api"),
    [
        ({}, {"status": "open"}),  # all I answer, open
        ({"view": "mine"}, {"assignee": "me", "status": "open"}),
        ({"view": "groups"}, {"group": "mine", "status": "open"}),
        ({"view": "awaiting", "status": "any"}, {"awaiting_approval": "true"}),
        (
            {"age": "72", "language": "ko", "status": "waiting"},
            {"older_than_hours": "72", "language": "ko", "status": "waiting"},
        ),
        ({"view": "unassigned", "status": "waiting"}, {"assignee": "none", "status": "waiting"}),
        ({"status": "any"}, {}),
        ({"channel": CHANNEL, "status": "closed"}, {"channel_id": CHANNEL, "status": "closed"}),
        # made-up values are dropped, not sent on
        (
            {
                "view": "everyone's",
                "status": "lost",
                "channel": "3001",
                "age": "5",
                "language": "fr",
            },
            {"status": "open"},
        ),
    ],
)
def test_the_filters_ask_the_api_for_what_the_list_shows(
    query: dict[str, str], api: dict[str, str]
) -> None:
    assert Filters.read(query).api_params() == api


def test_the_filters_query_string_keeps_only_what_differs_from_the_defaults() -> None:
    assert Filters().query() == ""
    chosen = Filters.read(
        {"view": "groups", "status": "any", "channel": CHANNEL, "age": "24", "language": "ja"}
    )
    assert chosen.query() == f"view=groups&status=any&channel={CHANNEL}&age=24&language=ja"
    assert Filters.read({"view": "unassigned"}).query(cursor="a b/c") == (
        "view=unassigned&cursor=a+b%2Fc"
    )
    # the next page's link reads back as the same filters
    again = dict(pair.split("=") for pair in chosen.query(cursor="x").split("&"))
    assert Filters.read(again) == chosen


def test_a_change_sends_only_what_the_form_changed_and_nobody_as_null() -> None:
    assert Change.read({"status": "closed"}).body().to_dict() == {"status": "closed"}
    group, aiko = str(uuid.uuid4()), str(uuid.uuid4())
    # the same person and group as the page showed: neither is sent (no needless hand-over)
    kept = {"assignee": aiko, "was_assignee": aiko, "group_id": group, "was_group_id": group}
    assert Change.read(kept).body().to_dict() == {}
    # a group chosen alone: the API gives it to the group's next member in turn
    handed = Change.read({**kept, "group_id": str(uuid.uuid4())}).body().to_dict()
    assert set(handed) == {"group_id"}
    assert Change.read({"group_id": "", "was_group_id": group}).body().to_dict() == {
        "group_id": None
    }
    assert set(Change.read({"group_id": "tourism"}).errors) == {"group_id"}
    unassign = Change.read({"assignee": "", "was_assignee": aiko, "tags": "ごみ、 観光, ,garbage"})
    assert unassign.body().to_dict() == {"assignee": None, "tags": ["ごみ", "観光", "garbage"]}
    refused = Change.read({"status": "deleted", "priority": "now", "tags": ",".join("x" * 21)})
    assert set(refused.errors) == {"status", "priority", "tags"}


def me(roles: list[str]) -> MeRead:
    return MeRead.from_dict(
        {
            "email": "aiko@takeo.example",
            "features": [],
            "kind": "user",
            "limits": {},
            "producer_ids": [],
            "roles": roles,
            "sub": str(uuid.uuid4()),
            "tenant_id": str(uuid.uuid4()),
            "user_id": str(uuid.uuid4()),
        }
    )


def gateway(answer: httpx.Response, calls: list[str]) -> AuthenticatedClient:
    """A typed client whose gateway answers every call with `answer`, noting each path."""

    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return answer

    client = AuthenticatedClient(base_url="http://gateway", token="t")
    return client.set_async_httpx_client(
        httpx.AsyncClient(transport=httpx.MockTransport(handle), base_url="http://gateway")
    )


def counts(mine: int, unassigned: int, held: int = 0) -> httpx.Response:
    body = {"open_mine": mine, "open_unassigned": unassigned, "awaiting_approval": held}
    return httpx.Response(200, json=body)


async def test_the_menus_inbox_counter_is_one_call_for_whoever_answers() -> None:
    calls: list[str] = []
    found = await navigation.counters(gateway(counts(2, 5), calls), me(["staff"]))
    assert found == {navigation.INBOX: 7}
    assert calls == ["/v1/conversations/counts"]
    # an editor's count holds the public replies waiting for their approval too
    held = await navigation.counters(gateway(counts(0, 1, held=2), calls), me(["editor"]))
    assert held == {navigation.INBOX: 3}
    assert len(calls) == 2


async def test_no_call_for_a_role_without_the_inbox_and_no_broken_page_on_a_refusal() -> None:
    calls: list[str] = []
    assert await navigation.counters(gateway(counts(1, 1), calls), me(["producer"])) == {}
    assert calls == []
    problem = httpx.Response(
        503,
        headers={"Content-Type": "application/problem+json"},
        content=json.dumps({"type": "about:blank", "title": "Service unavailable", "status": 503}),
    )
    assert await navigation.counters(gateway(problem, calls), me(["admin"])) == {}


@pytest.mark.parametrize(("value", "shown"), [(0, ""), (7, "7"), (99, "99"), (100, "99+")])
def test_a_counter_is_written_short(value: int, shown: str) -> None:
    assert navigation.shown_count(value) == shown


def render_menu(language: str, counters: dict[str, int], roles: list[str]) -> str:
    """The console's frame as `Renderer.page` draws it, in `language`."""
    renderer = rendering.Renderer(i18n.load_translations())
    template = renderer.env.get_template("console/base.html")
    token = rendering._language.set(language)
    try:
        session: Any = type("Session", (), {"csrf": "x"})()
        return template.render(
            me=me(roles), path="/console/", counters=counters, session=session, language=language
        )
    finally:
        rendering._language.reset(token)


def test_the_menu_shows_the_count_beside_the_inbox_and_on_the_closed_menu() -> None:
    html = render_menu("ja", {navigation.INBOX: 3}, ["writer"])
    assert 'href="/console/inbox">受信箱<span class="badge">' in html
    assert html.count('class="badge"') == 2  # the link, and the menu's closed summary
    assert "自分の担当か未割り当ての未対応の会話" in html  # named for a screen reader
    quiet = render_menu("en", {navigation.INBOX: 0}, ["writer"])
    assert 'class="badge"' not in quiet
    assert 'href="/console/inbox">Inbox</a>' in quiet
    assert 'href="/console/inbox"' not in render_menu("en", {}, ["producer"])


def test_a_reply_is_own_words_or_a_saved_reply_in_a_language_never_both() -> None:
    saved = str(uuid.uuid4())
    own = Answer.read({"text": " Thank you! ", "template_id": ""})
    assert (own.errors, own.body().to_dict()) == ({}, {"text": "Thank you!", "confirm_push": False})
    chosen = Answer.read({"template_id": saved, "language": "ko", "confirm_push": "yes"})
    assert chosen.body().to_dict() == {
        "template_id": saved,
        "language": "ko",
        "confirm_push": True,
    }
    assert set(Answer.read({"template_id": saved, "language": "ko", "text": "hi"}).errors) == {
        "text"
    }
    assert set(Answer.read({"template_id": "x", "language": "fr"}).errors) == {
        "template_id",
        "language",
    }
    assert set(Answer.read({"text": "  "}).errors) == {"text"}
    assert set(Answer.read({"text": "あ" * 2001}).errors) == {"text"}
