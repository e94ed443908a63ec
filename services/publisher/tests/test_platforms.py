import uuid
from collections.abc import Callable

import httpx
from sqlalchemy import text

from kit.auth import InternalPrincipal, TokenSigner
from kit.runtime import ServiceRuntime
from kit.testing.fakes import serve
from kit.testing.platforms import FakeLine, FakeMeta, FakeX, Scripted, meta_usage
from kit.testing.plugin import client, principal
from publisher.app import SERVICE, create_app

from .conftest import publisher_settings
from .helpers import approved_and_scheduled, broadcaster, channel, post

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def test_a_lost_line_answer_is_settled_by_resending_the_same_retry_key(
    runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID, signer: TokenSigner
) -> None:
    line = FakeLine(followers=120)
    line.hang_after_accept = True
    async with serve(line.app) as base_url:
        app = create_app(runtime, publisher_settings(line_api_url=base_url))
        admin = client(app, signer, SERVICE, broadcaster(tenant))
        editor = client(app, signer, SERVICE, broadcaster(tenant, ("editor",)))
        account = await channel(admin, "line", credentials={"access_token": "line-token"})
        draft = await post(admin, [account["id"]], "武雄市からのお知らせ")
        [delivery] = await approved_and_scheduled(admin, editor, draft["id"])
        dispatcher = make_dispatcher(line_api_url=base_url, platform_timeout_seconds=0.3)
        await dispatcher.run_until_idle()
        state = (await admin.get(f"/v1/deliveries/{delivery['id']}")).json()["state"]
        assert state == "unconfirmed"
        line.hang_after_accept = False
        await dispatcher.reconcile_once()
    after = (await admin.get(f"/v1/deliveries/{delivery['id']}")).json()
    assert after["state"] == "published"
    assert after["platform_post_id"] == "req-1"  # the 409's accepted request id
    assert len(line.broadcasts) == 1


async def test_meta_usage_over_90_percent_holds_the_apps_next_calls(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    facebook = FakeMeta()
    facebook.script = [Scripted(200, {"id": "1001_1"}, meta_usage(95))]
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    page = await channel(admin, "facebook_page")
    first = await post(admin, [page["id"]], "一")
    second = await post(admin, [page["id"]], "二")
    async with serve(facebook.app) as base_url:
        dispatcher = make_dispatcher(facebook_graph_url=base_url, dispatch_batch_size=1)
        [one] = await approved_and_scheduled(admin, editor, first["id"])
        await dispatcher.run_once()
        [two] = await approved_and_scheduled(admin, editor, second["id"])
        await dispatcher.run_once()
    held = (await admin.get(f"/v1/deliveries/{two['id']}")).json()
    assert (await admin.get(f"/v1/deliveries/{one['id']}")).json()["state"] == "published"
    assert held["state"] == "scheduled"
    assert held["next_attempt_at"] is not None
    assert facebook.calls == 1
    async with runtime.jobs_db.transaction() as session:
        usage = (
            await session.execute(
                text("SELECT usage FROM rate_buckets WHERE key = 'facebook_page:app'")
            )
        ).scalar_one()
    assert usage["percent"] == 95
    async with runtime.jobs_db.transaction() as session:  # other tests share the app bucket
        await session.execute(text("DELETE FROM rate_buckets"))


async def test_an_x_token_about_to_expire_is_refreshed_before_posting(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    x = FakeX()
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    account = await channel(
        admin,
        "x",
        credentials={"access_token": "x-access-token", "refresh_token": "x-refresh-token"},
        token_expires_at="2026-01-01T00:00:00Z",
    )
    draft = await post(admin, [account["id"]], "武雄の春")
    [delivery] = await approved_and_scheduled(admin, editor, draft["id"])
    async with serve(x.app) as base_url:
        await make_dispatcher(x_api_url=base_url, x_client_id="x-client").run_until_idle()
    assert x.tokens_used == ["Bearer x-access-token-2"]
    after = await admin.get(f"/v1/channels/{account['id']}")
    assert after.json()["token_expires_at"] > "2026-01-02"
    assert "x-access-token-2" not in after.text
    assert (await admin.get(f"/v1/deliveries/{delivery['id']}")).json()["state"] == "published"
