import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import httpx

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal
from publisher.scheduling.service import advance_one

from .conftest import publisher_settings
from .helpers import channel, post, publish_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def test_a_campaign_of_5_products_on_2_channels_follows_its_cadence_across_dst(
    as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    settings = await admin.put("/v1/posts/settings", json={"timezone": "America/New_York"})
    assert settings.json()["timezone"] == "America/New_York"
    store = "https://store.shopping.yahoo.co.jp/takeo/"
    products = [
        str(await publish_product(runtime, tenant, f"名産 {i}", storefront_urls=[f"{store}{i}"]))
        for i in range(5)
    ]
    page, x = await channel(admin), await channel(admin, "x")
    # Wed 3 Nov 2027; New York leaves daylight saving time on Sun 7 Nov 2027.
    campaign = await admin.post(
        "/v1/campaigns",
        json={
            "name": "Takeo's table",
            "product_ids": products,
            "channel_ids": [page["id"], x["id"]],
            "template": "{name} / {producer} {price} {link}",
            "cadence": {"time": "12:00", "skip_weekends": True, "start_date": "2027-11-03"},
        },
    )
    assert campaign.status_code == 201, campaign.text
    campaign_id = campaign.json()["id"]
    assert campaign.json()["made"] == 0  # a week ahead of its first post, nothing is made yet
    on_the_day = datetime(2027, 11, 3, tzinfo=UTC)
    made = await advance_one(runtime.jobs_db, publisher_settings(), tenant, campaign_id, on_the_day)
    assert made == 5
    assert (await admin.post(f"/v1/campaigns/{campaign_id}/submit")).status_code == 200
    approved = await editor.post(f"/v1/campaigns/{campaign_id}/approve")
    assert [p["status"] for p in approved.json()] == ["scheduled"] * 5
    listed = await admin.get("/v1/deliveries", params={"limit": 50})
    deliveries = listed.json()["items"]
    assert len(deliveries) == 10
    due = sorted({datetime.fromisoformat(d["due_at"]).astimezone(UTC) for d in deliveries})
    assert due == [
        datetime(2027, 11, 3, 16, tzinfo=UTC),  # 12:00 EDT (UTC-4)
        datetime(2027, 11, 4, 16, tzinfo=UTC),
        datetime(2027, 11, 5, 16, tzinfo=UTC),
        datetime(2027, 11, 8, 17, tzinfo=UTC),  # Monday, 12:00 EST (UTC-5)
        datetime(2027, 11, 9, 17, tzinfo=UTC),
    ]
    posts = (await admin.get(f"/v1/campaigns/{campaign_id}/posts")).json()["items"]
    assert posts[0]["text"] == "名産 0 / 武雄農園 1,980円 {link}"
    assert all(d["link_code"] and not d["link_ready"] for d in deliveries)


async def test_the_campaign_creator_cannot_approve_it(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    editor = as_user(principal(tenant, ("editor", "admin")))
    product = str(await publish_product(runtime, tenant))
    page = await channel(editor)
    body = {
        "name": "c",
        "product_ids": [product],
        "channel_ids": [page["id"]],
        "template": "{name}",
        "cadence": {"time": "12:00", "start_date": "2027-01-04"},
    }
    campaign_id = (await editor.post("/v1/campaigns", json=body)).json()["id"]
    await editor.post(f"/v1/campaigns/{campaign_id}/submit")
    assert (await editor.post(f"/v1/campaigns/{campaign_id}/approve")).status_code == 403


async def test_a_post_goes_into_the_next_free_slot_in_the_tenant_timezone(
    as_user: Client, tenant: uuid.UUID
) -> None:
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    page = await channel(admin)
    for weekday in range(7):
        made = await admin.post(
            "/v1/slots", json={"channel_id": page["id"], "weekday": weekday, "time": "09:30"}
        )
        assert made.status_code == 201
    first = (await admin.get("/v1/slots/next", params={"channel_id": page["id"]})).json()["at"]
    at = datetime.fromisoformat(first)
    assert (at.hour, at.minute) == (0, 30)  # 09:30 in Asia/Tokyo, the default zone
    for text_ in ("一", "二"):
        draft = await post(admin, [page["id"]], text_)
        await admin.post(f"/v1/posts/{draft['id']}/submit")
        await editor.post(f"/v1/posts/{draft['id']}/approve")
        scheduled = await admin.post(
            f"/v1/posts/{draft['id']}/schedule", json={"next_free_slot": True}
        )
        assert scheduled.status_code == 200, scheduled.text
    due = sorted(
        datetime.fromisoformat(d["due_at"])
        for d in (await admin.get("/v1/deliveries")).json()["items"]
    )
    assert due[0] == at
    assert (due[1] - due[0]).days == 1


async def test_a_time_without_offset_is_read_in_the_given_timezone(
    as_user: Client, tenant: uuid.UUID
) -> None:
    admin, editor = as_user(principal(tenant)), as_user(principal(tenant, ("editor",)))
    page = await channel(admin)
    draft = await post(admin, [page["id"]], "ベルリン")
    await admin.post(f"/v1/posts/{draft['id']}/submit")
    await editor.post(f"/v1/posts/{draft['id']}/approve")
    await admin.post(
        f"/v1/posts/{draft['id']}/schedule",
        json={"at": "2027-03-28T12:00:00", "timezone": "Europe/Berlin"},
    )
    [delivery] = (await admin.get("/v1/deliveries")).json()["items"]
    assert datetime.fromisoformat(delivery["due_at"]) == datetime(2027, 3, 28, 10, tzinfo=UTC)
    bad = await admin.post(f"/v1/posts/{draft['id']}/schedule", json={"timezone": "Mars/Base"})
    assert bad.status_code in (400, 409)
