"""Every publisher list pages with a cursor (kit.pagination), in its own order; posts sync by
`updated_since`."""

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

import httpx

from kit.auth import InternalPrincipal
from kit.testing.plugin import principal

from .helpers import approved_and_scheduled, channel, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def _walk(http: httpx.AsyncClient, path: str, **params: Any) -> list[list[dict]]:
    """Every page of a list, following `next_cursor` to the end."""
    pages: list[list[dict]] = []
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = await http.get(path, params=query)
        assert response.status_code == 200, response.text
        pages.append(response.json()["items"])
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return pages


async def test_slots_page_by_weekday_and_time_of_day(as_user: Client, tenant: uuid.UUID) -> None:
    admin = as_user(principal(tenant))
    town = await channel(admin)
    for weekday, time in ((4, "08:00"), (0, "18:30"), (4, "07:15"), (0, "09:00")):
        body = {"channel_id": town["id"], "weekday": weekday, "time": time}
        assert (await admin.post("/v1/slots", json=body)).status_code == 201
    pages = await _walk(admin, "/v1/slots", channel_id=town["id"], limit=3)
    assert [[(s["weekday"], s["local_time"]) for s in page] for page in pages] == [
        [(0, "09:00"), (0, "18:30"), (4, "07:15")],
        [(4, "08:00")],
    ]


async def test_templates_page_by_name(as_user: Client, tenant: uuid.UUID) -> None:
    admin = as_user(principal(tenant))
    for name in ("Market day", "Autumn harvest", "Tea"):
        body = {"name": name, "template": "{name} {link}"}
        assert (await admin.post("/v1/templates", json=body)).status_code == 201
    pages = await _walk(admin, "/v1/templates", limit=2)
    assert [[t["name"] for t in page] for page in pages] == [
        ["Autumn harvest", "Market day"],
        ["Tea"],
    ]


async def test_a_posts_history_pages_oldest_first(as_user: Client, tenant: uuid.UUID) -> None:
    admin = as_user(principal(tenant))
    writer = as_user(principal(tenant, ("writer",)))
    editor = as_user(principal(tenant, ("editor",)))
    draft = await post(writer, [(await channel(admin))["id"]], "陶器市")
    await writer.post(f"/v1/posts/{draft['id']}/submit")
    await editor.post(f"/v1/posts/{draft['id']}/reject", json={"comment": "写真を"})
    pages = await _walk(writer, f"/v1/posts/{draft['id']}/transitions", limit=2)
    assert [[t["to_status"] for t in page] for page in pages] == [
        ["draft", "submitted"],
        ["rejected"],
    ]


async def test_a_cursor_this_list_did_not_hand_out_is_a_400_problem(
    as_user: Client, tenant: uuid.UUID
) -> None:
    admin = as_user(principal(tenant))
    town = await channel(admin)
    await channel(admin)
    from_channels = (await admin.get("/v1/channels", params={"limit": 1})).json()["next_cursor"]
    for cursor in (from_channels, "not-a-cursor"):
        refused = await admin.get("/v1/slots", params={"channel_id": town["id"], "cursor": cursor})
        assert refused.status_code == 400
        assert refused.headers["content-type"] == "application/problem+json"


async def test_posts_changed_since_an_instant_are_listed_and_no_other(
    as_user: Client, tenant: uuid.UUID
) -> None:
    writer = as_user(principal(tenant, ("writer",)))
    town = (await channel(as_user(principal(tenant))))["id"]
    untouched = await post(writer, [town], "そのまま")
    edited = await post(writer, [town], "書き直す")
    newest = await post(writer, [town], "新しい")
    since = newest["updated_at"]
    patched = await writer.patch(f"/v1/posts/{edited['id']}", json={"text": "書き直した"})
    assert patched.status_code == 200, patched.text
    assert datetime.fromisoformat(patched.json()["updated_at"]) > datetime.fromisoformat(since)
    listed = (await writer.get("/v1/posts", params={"updated_since": since})).json()["items"]
    assert {p["id"] for p in listed} == {edited["id"], newest["id"]}
    assert untouched["id"] not in {p["id"] for p in listed}
    everything = (await writer.get("/v1/posts")).json()["items"]
    assert len(everything) == 3


async def test_deliveries_due_in_a_period_are_listed_and_no_other(
    as_user: Client, tenant: uuid.UUID
) -> None:
    writer, editor = (
        as_user(principal(tenant, ("writer",))),
        as_user(principal(tenant, ("editor",))),
    )
    admin = as_user(principal(tenant))
    feed, other = (await channel(admin))["id"], (await channel(admin, name="other"))["id"]
    times = {"4月": "2031-04-10T12:00:00+09:00", "5月": "2031-05-10T12:00:00+09:00"}
    for text, at in times.items():
        made = await post(writer, [feed, other], text)
        await approved_and_scheduled(writer, editor, made["id"], at=at)
    period = {"due_from": "2031-05-01T00:00:00+09:00", "due_to": "2031-06-01T00:00:00+09:00"}
    may = (await writer.get("/v1/deliveries", params=period)).json()["items"]
    assert len(may) == 2
    assert {d["due_at"][:10] for d in may} == {"2031-05-10"}
    one = await writer.get("/v1/deliveries", params={**period, "channel_id": feed})
    assert [d["channel_id"] for d in one.json()["items"]] == [feed]
    naive = await writer.get("/v1/deliveries", params={"due_from": "2031-05-01T00:00:00"})
    assert naive.status_code == 422
