"""Edges of posts and campaigns: an editor moves a scheduled post, a draft's answer carries its
validation, a campaign that would start in the past is refused unless it catches up."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal
from publisher.scheduling.service import advance_one

from .conftest import publisher_settings
from .helpers import channel, post, publish_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
TOKYO = ZoneInfo("Asia/Tokyo")


def campaign_body(products: list[str], channels: list[str], start: date, **extra: object) -> dict:
    return {
        "name": "Fun Buy Takeo",
        "product_ids": products,
        "channel_ids": channels,
        "template": "{name} {link}",
        "cadence": {"time": "12:00", "skip_weekends": False, "start_date": start.isoformat()},
        **extra,
    }


async def deliveries_of(http: httpx.AsyncClient, post_id: str) -> list[dict]:
    listed = await http.get("/v1/deliveries", params={"post_id": post_id})
    return sorted(listed.json()["items"], key=lambda d: d["id"])


@dataclass
class Town:
    writer: httpx.AsyncClient
    editor: httpx.AsyncClient
    post: dict  # an approved campaign post, scheduled at 12:00 Tokyo on 3 Nov 2027
    deliveries: list[dict]


@pytest.fixture
async def town(as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID) -> Town:
    admin = as_user(principal(tenant))
    writer = as_user(principal(tenant, ("writer",)))
    editor = as_user(principal(tenant, ("editor",)))
    page, x = await channel(admin), await channel(admin, "x")
    product = str(await publish_product(runtime, tenant))
    body = campaign_body([product], [page["id"], x["id"]], date(2027, 11, 3))
    created = await writer.post("/v1/campaigns", json=body)
    assert created.status_code == 201, created.text
    campaign_id = created.json()["id"]
    # The step job on the campaign's first day makes its post.
    on_the_day = datetime(2027, 11, 3, tzinfo=TOKYO)
    await advance_one(runtime.jobs_db, publisher_settings(), tenant, campaign_id, on_the_day)
    assert (await writer.post(f"/v1/campaigns/{campaign_id}/submit")).status_code == 200
    [approved] = (await editor.post(f"/v1/campaigns/{campaign_id}/approve")).json()
    assert approved["status"] == "scheduled"
    deliveries = await deliveries_of(writer, approved["id"])
    assert len(deliveries) == 2
    return Town(writer, editor, approved, deliveries)


def due(delivery: dict) -> datetime:
    return datetime.fromisoformat(delivery["due_at"])


async def test_an_editor_moves_an_approved_campaign_post_and_its_deliveries(town: Town) -> None:
    path = f"/v1/posts/{town.post['id']}"
    moved = await town.editor.post(f"{path}/schedule", json={"at": "2027-11-10T18:30:00"})

    assert moved.status_code == 200, moved.text
    assert moved.json()["status"] == "scheduled"
    new_time = datetime(2027, 11, 10, 18, 30, tzinfo=TOKYO)
    assert datetime.fromisoformat(moved.json()["planned_at"]) == new_time
    after = await deliveries_of(town.writer, town.post["id"])
    assert [d["id"] for d in after] == [d["id"] for d in town.deliveries]  # the same, moved
    assert [due(d) for d in after] == [new_time, new_time]
    assert [d["link_code"] for d in after] == [d["link_code"] for d in town.deliveries]
    transitions = (await town.writer.get(f"{path}/transitions")).json()["items"]
    assert [(t["from_status"], t["to_status"]) for t in transitions][-3:] == [
        ("submitted", "approved"),
        ("approved", "scheduled"),
        ("scheduled", "scheduled"),
    ]


async def test_a_writer_cannot_move_a_scheduled_post(town: Town) -> None:
    path = f"/v1/posts/{town.post['id']}/schedule"
    refused = await town.writer.post(path, json={"at": "2027-11-10T18:30:00"})
    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    after = await deliveries_of(town.writer, town.post["id"])
    assert [due(d) for d in after] == [due(d) for d in town.deliveries]


async def test_a_cancelled_post_still_cannot_be_scheduled(town: Town) -> None:
    path = f"/v1/posts/{town.post['id']}"
    assert (await town.editor.post(f"{path}/cancel")).status_code == 200
    again = await town.editor.post(f"{path}/schedule", json={"at": "2027-11-10T18:30:00"})
    assert again.status_code == 409


async def test_creating_an_x_post_over_its_limit_answers_201_with_the_previews_problems(
    as_user: Client, tenant: uuid.UUID
) -> None:
    admin = as_user(principal(tenant))
    x, page = await channel(admin, "x"), await channel(admin)
    body = {"text": "a" * 300, "channel_ids": [x["id"], page["id"]]}

    created = await admin.post("/v1/posts", json=body)

    assert created.status_code == 201, created.text
    validation = created.json()["validation"]
    assert validation["valid"] is False
    by_channel = {c["channel_id"]: c for c in validation["channels"]}
    assert (by_channel[x["id"]]["length"], by_channel[x["id"]]["max_length"]) == (300, 280)
    assert by_channel[x["id"]]["valid"] is False
    assert by_channel[x["id"]]["problems"]
    assert by_channel[page["id"]]["valid"] is True
    preview = (await admin.post("/v1/posts/preview", json=body)).json()
    assert validation == preview


async def test_editing_a_draft_answers_with_its_new_validation(
    as_user: Client, tenant: uuid.UUID
) -> None:
    admin = as_user(principal(tenant))
    x = await channel(admin, "x")
    draft = await post(admin, [x["id"]], "a" * 300)
    assert draft["validation"]["valid"] is False
    edited = await admin.patch(f"/v1/posts/{draft['id']}", json={"text": "a" * 200})
    assert edited.status_code == 200, edited.text
    assert edited.json()["validation"]["valid"] is True
    assert edited.json()["validation"]["channels"][0]["length"] == 200


async def test_a_campaign_that_would_start_in_the_past_is_refused_unless_it_catches_up(
    as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    admin = as_user(principal(tenant))
    page = await channel(admin)
    products = [str(await publish_product(runtime, tenant, f"品 {i}")) for i in range(3)]
    yesterday = datetime.now(TOKYO).date() - timedelta(days=1)
    body = campaign_body(products, [page["id"]], yesterday)

    refused = await admin.post("/v1/campaigns", json=body)

    assert refused.status_code == 422
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"].endswith("campaign-start-passed")
    assert "catch_up" in refused.json()["detail"]
    assert (await admin.get("/v1/campaigns")).json()["items"] == []
    listed = (await admin.get("/v1/posts")).json()["items"]
    assert [p for p in listed if p["campaign_id"]] == []  # the products' automatic drafts only
    caught_up = await admin.post("/v1/campaigns", json={**body, "catch_up": True})
    assert caught_up.status_code == 201, caught_up.text
    tomorrow = await admin.post(
        "/v1/campaigns", json=campaign_body(products, [page["id"]], yesterday + timedelta(days=2))
    )
    assert tomorrow.status_code == 201, tomorrow.text
