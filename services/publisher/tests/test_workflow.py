import uuid
from collections.abc import Callable

import httpx

from kit.auth import InternalPrincipal
from kit.errors import type_uri
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

from .helpers import approved_and_scheduled, channel, post, publish_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def test_an_editor_cannot_approve_their_own_post(as_user: Client) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    editor = as_user(principal(tenant, ("editor",)))
    town = await channel(admin)
    draft = await post(editor, [town["id"]], "温泉湯豆腐")
    assert (await editor.post(f"/v1/posts/{draft['id']}/submit")).json()["status"] == "submitted"
    response = await editor.post(f"/v1/posts/{draft['id']}/approve")
    assert response.status_code == 403
    assert response.json()["type"] == type_uri("self-approval")
    other = as_user(principal(tenant, ("editor",)))
    assert (await other.post(f"/v1/posts/{draft['id']}/approve")).json()["status"] == "approved"


async def test_a_writer_cannot_approve(as_user: Client) -> None:
    tenant = uuid.uuid4()
    writer = as_user(principal(tenant, ("writer",)))
    town = await channel(as_user(principal(tenant)))
    draft = await post(writer, [town["id"]], "レモングラス")
    await writer.post(f"/v1/posts/{draft['id']}/submit")
    assert (
        await as_user(principal(tenant, ("writer",))).post(f"/v1/posts/{draft['id']}/approve")
    ).status_code == 403


async def test_rejection_carries_a_comment_and_every_step_is_recorded(as_user: Client) -> None:
    tenant = uuid.uuid4()
    writer_who = principal(tenant, ("writer",))
    writer, editor = as_user(writer_who), as_user(principal(tenant, ("editor",)))
    town = await channel(as_user(principal(tenant)))
    draft = await post(writer, [town["id"]], "陶器の人形")
    await writer.post(f"/v1/posts/{draft['id']}/submit")
    rejected = await editor.post(f"/v1/posts/{draft['id']}/reject", json={"comment": "写真を"})
    assert rejected.json()["status"] == "rejected"
    assert rejected.json()["review_comment"] == "写真を"
    steps = (await writer.get(f"/v1/posts/{draft['id']}/transitions")).json()["items"]
    assert [(s["from_status"], s["to_status"]) for s in steps] == [
        ("new", "draft"),
        ("draft", "submitted"),
        ("submitted", "rejected"),
    ]
    assert steps[1]["actor"] == writer_who.actor
    assert steps[2]["comment"] == "写真を"


async def test_a_staff_channel_without_approval_publishes_without_one(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    staff_who = principal(tenant, ("staff",))
    staff = as_user(staff_who)
    own = await channel(
        as_user(principal(tenant)),
        owner_kind="staff",
        owner_user=staff_who.sub,
        approval_policy="none",
    )
    draft = await post(staff, [own["id"]], "図書館が再開しました")
    submitted = await staff.post(f"/v1/posts/{draft['id']}/submit")
    assert submitted.json()["status"] == "approved"
    scheduled = await staff.post(f"/v1/posts/{draft['id']}/schedule", json={})
    assert scheduled.json()["status"] == "scheduled"
    await make_dispatcher().run_until_idle()
    feed = (await staff.get(f"/v1/channels/{own['id']}/feed")).json()["items"]
    assert [p["text"] for p in feed] == ["図書館が再開しました"]
    assert (await staff.get(f"/v1/posts/{draft['id']}")).json()["status"] == "published"


async def test_staff_cannot_post_on_someone_elses_channel(as_user: Client) -> None:
    tenant = uuid.uuid4()
    town = await channel(as_user(principal(tenant)))
    staff = as_user(principal(tenant, ("staff",)))
    response = await staff.post("/v1/posts", json={"text": "hi", "channel_ids": [town["id"]]})
    assert response.status_code == 403


async def test_credentials_are_never_returned(as_user: Client) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    made = await channel(admin, "line", credentials={"access_token": "line-channel-token"})
    listed = await admin.get("/v1/channels")
    one = await admin.get(f"/v1/channels/{made['id']}")
    for response_text in (str(made), listed.text, one.text):
        assert "line-channel-token" not in response_text
    assert one.json()["has_credentials"] is True


async def test_another_tenants_post_is_not_found(as_user: Client) -> None:
    tenant = uuid.uuid4()
    town = await channel(as_user(principal(tenant)))
    draft = await post(as_user(principal(tenant)), [town["id"]], "hi")
    stranger = as_user(principal(uuid.uuid4(), ("editor",)))
    assert (await stranger.get(f"/v1/posts/{draft['id']}")).status_code == 404
    assert (await stranger.post(f"/v1/posts/{draft['id']}/approve")).status_code == 404


async def test_a_promoted_product_waits_for_its_tracked_link(
    as_user: Client, runtime: ServiceRuntime, make_dispatcher: Callable, tenant: uuid.UUID
) -> None:
    from contracts.analytics import LinkCreatedV1
    from kit.events import consumer
    from kit.testing.plugin import delivery
    from publisher.handlers import on_link_created

    from .conftest import events
    from .helpers import publish_product

    product = await publish_product(
        runtime, tenant, storefront_urls=["https://store.shopping.yahoo.co.jp/takeo/garlic.html"]
    )
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    town = await channel(admin)
    draft = await post(admin, [town["id"]], "黒にんにく {link}", product_id=str(product))
    [pending] = await approved_and_scheduled(admin, editor, draft["id"])
    [asked] = await events(runtime, tenant, "publisher.link.requested.v1")
    assert asked["destination"] == "https://store.shopping.yahoo.co.jp/takeo/garlic.html"
    assert asked["code"] == pending["link_code"]
    assert pending["link_ready"] is False
    [scheduled] = await events(runtime, tenant, "publisher.post.scheduled.v1")
    assert scheduled["deliveries"][0]["link_code"] == asked["code"]
    await make_dispatcher().run_until_idle()
    assert (await admin.get(f"/v1/channels/{town['id']}/feed")).json()["items"] == []
    short_url = f"https://machi.test/r/{asked['code']}"
    created = LinkCreatedV1(
        link_id=uuid.uuid4(), code=asked["code"], short_url=short_url, delivery_id=pending["id"]
    )
    assert await consumer.handle(on_link_created, runtime.db, delivery(created, tenant))
    await make_dispatcher().run_until_idle()
    feed = (await admin.get(f"/v1/channels/{town['id']}/feed")).json()["items"]
    assert [p["text"] for p in feed] == [f"黒にんにく {short_url}"]
    [published] = await events(runtime, tenant, "publisher.delivery.published.v1")
    assert published["link_code"] == asked["code"]
    assert published["product_id"] == str(product)


async def test_an_editor_who_rewrote_a_colleagues_draft_cannot_approve_it(
    as_user: Client,
) -> None:
    tenant = uuid.uuid4()
    writer = as_user(principal(tenant, ("writer",)))
    editor = as_user(principal(tenant, ("editor",)))
    town = await channel(as_user(principal(tenant)))
    draft = await post(writer, [town["id"]], "黒にんにく")
    rewritten = await editor.patch(f"/v1/posts/{draft['id']}", json={"text": "Buy now!"})
    assert rewritten.status_code == 200, rewritten.text
    await writer.post(f"/v1/posts/{draft['id']}/submit")
    response = await editor.post(f"/v1/posts/{draft['id']}/approve")
    assert response.status_code == 403
    assert response.json()["type"] == type_uri("self-approval")
    other = as_user(principal(tenant, ("editor",)))
    assert (await other.post(f"/v1/posts/{draft['id']}/approve")).json()["status"] == "approved"


async def test_an_editor_who_rewrote_an_auto_draft_cannot_approve_it(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    editor = as_user(principal(tenant, ("editor",)))
    town = await channel(as_user(principal(tenant)))
    draft = await auto_draft(as_user, runtime, tenant)
    edit = {"text": "Our garlic", "channel_ids": [town["id"]]}
    assert (await editor.patch(f"/v1/posts/{draft}", json=edit)).status_code == 200
    assert (await editor.post(f"/v1/posts/{draft}/submit")).json()["status"] == "submitted"
    response = await editor.post(f"/v1/posts/{draft}/approve")
    assert response.status_code == 403
    assert response.json()["type"] == type_uri("self-approval")


async def test_a_writer_cannot_rewrite_another_writers_draft(as_user: Client) -> None:
    tenant = uuid.uuid4()
    author = as_user(principal(tenant, ("writer",)))
    town = await channel(as_user(principal(tenant)))
    draft = await post(author, [town["id"]], "温泉湯豆腐")
    other = as_user(principal(tenant, ("writer",)))
    response = await other.patch(f"/v1/posts/{draft['id']}", json={"text": "mine now"})
    assert response.status_code == 403
    assert response.json()["type"] == type_uri("not-your-draft")
    assert (await author.get(f"/v1/posts/{draft['id']}")).json()["text"] == "温泉湯豆腐"
    mine = await author.patch(f"/v1/posts/{draft['id']}", json={"text": "温泉湯豆腐 2"})
    assert mine.status_code == 200, mine.text


async def test_any_writer_may_rework_an_auto_draft(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    draft = await auto_draft(as_user, runtime, tenant)
    writer = as_user(principal(tenant, ("writer",)))
    response = await writer.patch(f"/v1/posts/{draft}", json={"text": "Aged black garlic"})
    assert response.status_code == 200, response.text


async def auto_draft(as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID) -> str:
    """The draft the publisher makes for a newly published product."""
    await publish_product(runtime, tenant)
    posts = (await as_user(principal(tenant)).get("/v1/posts")).json()["items"]
    return str(posts[0]["id"])


async def test_a_post_planned_at_a_time_is_scheduled_then_when_the_editor_approves_it(
    as_user: Client,
) -> None:
    tenant = uuid.uuid4()
    writer, editor = (
        as_user(principal(tenant, ("writer",))),
        as_user(principal(tenant, ("editor",))),
    )
    town = await channel(as_user(principal(tenant)))
    draft = await post(
        writer, [town["id"]], "熟成黒にんにく", planned_at="2031-05-01T12:00:00+09:00"
    )
    assert draft["planned_at"].startswith("2031-05-01T03:00")
    await writer.post(f"/v1/posts/{draft['id']}/submit")
    approved = await editor.post(f"/v1/posts/{draft['id']}/approve")
    assert approved.json()["status"] == "scheduled"
    (delivery,) = (await writer.get("/v1/deliveries", params={"post_id": draft["id"]})).json()[
        "items"
    ]
    assert delivery["due_at"].startswith("2031-05-01T03:00")


async def test_a_planned_time_without_an_offset_is_refused(as_user: Client) -> None:
    tenant = uuid.uuid4()
    writer = as_user(principal(tenant, ("writer",)))
    town = await channel(as_user(principal(tenant)))
    answer = await writer.post(
        "/v1/posts",
        json={"text": "x", "channel_ids": [town["id"]], "planned_at": "2031-05-01T12:00:00"},
    )
    assert answer.status_code == 422
