"""Who may touch the town's posts and schedule (kit.policy): producers and analysts may read, but
never edit, schedule or cancel a post; only the content team changes the weekly slots."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from kit.auth import InternalPrincipal
from kit.errors import type_uri
from kit.testing.plugin import principal

from .helpers import approved_and_scheduled, channel, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
LATER = (datetime.now(UTC) + timedelta(days=3)).isoformat()


@pytest.mark.parametrize("role", ["producer", "analyst"])
async def test_a_reader_cannot_cancel_reschedule_or_edit_the_towns_posts(
    as_user: Client, tenant: uuid.UUID, role: str
) -> None:
    admin = as_user(principal(tenant, ("admin",)))
    town = await channel(admin)
    scheduled = await post(admin, [town["id"]], "Onsen tofu, today only")
    editor = as_user(principal(tenant, ("editor",)))
    await approved_and_scheduled(admin, editor, scheduled["id"], at=LATER)
    draft = await post(admin, [town["id"]], "A draft")
    reader = as_user(principal(tenant, (role,)))

    answers = [
        await reader.post(f"/v1/posts/{scheduled['id']}/cancel"),
        await reader.post(f"/v1/posts/{scheduled['id']}/schedule", json={"at": LATER}),
        await reader.patch(f"/v1/posts/{draft['id']}", json={"text": "Taken over"}),
    ]

    assert [a.status_code for a in answers] == [403, 403, 403]
    assert {a.json()["type"] for a in answers} == {type_uri("forbidden")}
    assert (await admin.get(f"/v1/posts/{scheduled['id']}")).json()["status"] == "scheduled"
    assert (await admin.get(f"/v1/posts/{draft['id']}")).json()["text"] == "A draft"


@pytest.mark.parametrize("role", ["producer", "analyst", "staff"])
async def test_only_the_content_team_changes_the_weekly_slots(
    as_user: Client, tenant: uuid.UUID, role: str
) -> None:
    admin = as_user(principal(tenant, ("admin",)))
    town = await channel(admin)
    slot = await admin.post(
        "/v1/slots", json={"channel_id": town["id"], "weekday": 2, "time": "09:30"}
    )
    assert slot.status_code == 201, slot.text
    other = as_user(principal(tenant, (role,)))

    deleted = await other.delete(f"/v1/slots/{slot.json()['id']}")
    made = await other.post(
        "/v1/slots", json={"channel_id": town["id"], "weekday": 3, "time": "10:00"}
    )

    assert (deleted.status_code, made.status_code) == (403, 403)
    slots = (await admin.get("/v1/slots", params={"channel_id": town["id"]})).json()["items"]
    assert [s["id"] for s in slots] == [slot.json()["id"]]


async def test_the_channels_a_user_may_post_to_are_listed_as_the_posts_api_decides(
    as_user: Client, tenant: uuid.UUID
) -> None:
    admin = as_user(principal(tenant, ("admin",)))
    me, colleague = principal(tenant, ("staff",)), principal(tenant, ("staff",))
    town = await channel(admin)
    mine = await channel(admin, owner_kind="staff", owner_user=me.sub)
    theirs = await channel(admin, owner_kind="staff", owner_user=colleague.sub)
    staff, writer = as_user(me), as_user(principal(tenant, ("writer",)))

    def ids(answer: httpx.Response) -> set[str]:
        assert answer.status_code == 200, answer.text
        return {c["id"] for c in answer.json()["items"]}

    postable = {"postable": "true"}
    assert ids(await staff.get("/v1/channels", params=postable)) == {mine["id"]}
    assert ids(await writer.get("/v1/channels", params=postable)) == {
        town["id"],
        mine["id"],
        theirs["id"],
    }
    other = {**postable, "owner_user": colleague.sub}
    assert ids(await staff.get("/v1/channels", params=other)) == set()
    # ... and the posts API agrees: the staff member posts on their own account only.
    assert (
        await staff.post("/v1/posts", json={"text": "A", "channel_ids": [mine["id"]]})
    ).status_code == 201
    refused = await staff.post("/v1/posts", json={"text": "B", "channel_ids": [town["id"]]})
    assert refused.status_code == 403
