"""Retrying a failed delivery by hand: only one that never reached the platform's publish call,
by someone who may post on its channel, once the channel is active again."""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx

from kit.auth import InternalPrincipal
from kit.errors import type_uri
from kit.testing.fakes import serve
from kit.testing.platforms import FakeMeta, FakeX, meta_error
from kit.testing.plugin import principal

from .helpers import approved_and_scheduled, channel, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def test_a_delivery_that_failed_before_publishing_is_retried_after_reconnecting(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    x = FakeX()
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    me, colleague = principal(tenant, ("staff",)), principal(tenant, ("staff",))
    staff = as_user(me)
    soon = (datetime.now(UTC) + timedelta(minutes=1)).isoformat()
    mine = await channel(
        admin,
        "x",
        owner_kind="staff",
        owner_user=me.sub,
        credentials={"access_token": "x-access-old", "refresh_token": "x-revoked"},
        token_expires_at=soon,
    )
    draft = await post(staff, [mine["id"]], "図書館が再開しました")
    [delivery] = await approved_and_scheduled(staff, editor, draft["id"])
    async with serve(x.app) as base_url:
        dispatcher = make_dispatcher(x_api_url=base_url, x_client_id="x-client")
        await dispatcher.run_until_idle()  # the token refresh is refused: nothing was sent
        failed = (await staff.get(f"/v1/deliveries/{delivery['id']}")).json()
        assert (failed["state"], failed["error_category"], failed["retryable"]) == (
            "failed",
            "reauth",
            True,
        )
        early = await staff.post(f"/v1/deliveries/{delivery['id']}/retry")
        assert early.status_code == 409
        assert early.json()["type"] == type_uri("retry-refused")
        assert "reconnecting" in early.json()["detail"]
        theirs = await as_user(colleague).post(f"/v1/deliveries/{delivery['id']}/retry")
        assert theirs.status_code == 403
        reconnected = await admin.patch(
            f"/v1/channels/{mine['id']}",
            json={"credentials": {"access_token": "x-access-old", "refresh_token": "x-refresh-me"}},
        )
        assert reconnected.json()["status"] == "active"
        again = await staff.post(f"/v1/deliveries/{delivery['id']}/retry")
        assert again.status_code == 200, again.text
        assert (again.json()["state"], again.json()["retryable"]) == ("scheduled", False)
        assert (await staff.get(f"/v1/posts/{draft['id']}")).json()["status"] == "scheduled"
        await dispatcher.run_until_idle()
    done = (await staff.get(f"/v1/deliveries/{delivery['id']}")).json()
    assert done["state"] == "published"
    assert [p["text"] for p in x.posts] == ["図書館が再開しました"]
    assert (await staff.get(f"/v1/posts/{draft['id']}")).json()["status"] == "published"
    twice = await staff.post(f"/v1/deliveries/{delivery['id']}/retry")
    assert twice.status_code == 409


async def test_a_delivery_whose_publish_call_was_made_is_never_retried_by_hand(
    as_user: Client, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    facebook = FakeMeta()
    facebook.script = [meta_error(190, "Error validating access token", 463)]
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    page = await channel(admin, "facebook_page")
    draft = await post(admin, [page["id"]], "武雄温泉")
    [delivery] = await approved_and_scheduled(admin, editor, draft["id"])
    async with serve(facebook.app) as base_url:
        await make_dispatcher(facebook_graph_url=base_url).run_until_idle()
    failed = (await admin.get(f"/v1/deliveries/{delivery['id']}")).json()
    assert (failed["state"], failed["retryable"]) == ("failed", False)
    refused = await admin.post(f"/v1/deliveries/{delivery['id']}/retry")
    assert refused.status_code == 409
    assert "publish call was made" in refused.json()["detail"]
    unknown = await admin.post(f"/v1/deliveries/{uuid.uuid4()}/retry")
    assert unknown.status_code == 404
