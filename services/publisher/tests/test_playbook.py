"""The publisher's playbook section: a partner town takes templates, cadences, channel kinds,
approval policies and slots, and round-trips them exactly."""

import uuid
from collections.abc import Callable

import httpx

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

from .helpers import channel, publish_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def _takeo(as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID) -> dict:
    """Two channels with slots and policies, a stored template and a campaign; its section."""
    admin = as_user(principal(tenant))
    page = await channel(admin, "sandbox", name="Takeo shop page", owner_kind="shop")
    x = await channel(admin, "sandbox", name="Takeo town", approval_policy="none")
    for channel_id, weekday, time in [
        (page["id"], 4, "18:30"),
        (page["id"], 0, "12:00"),
        (x["id"], 2, "08:00"),
    ]:
        slot = await admin.post(
            "/v1/slots", json={"channel_id": channel_id, "weekday": weekday, "time": time}
        )
        assert slot.status_code == 201, slot.text
    product = await publish_product(
        runtime, tenant, "嬉野茶", storefront_urls=["https://s.example/1"]
    )
    campaign = await admin.post(
        "/v1/campaigns",
        json={
            "name": "Weekly table",
            "product_ids": [str(product)],
            "channel_ids": [page["id"]],
            "template": "{name} / {producer} {price} {link}",
            "cadence": {"time": "11:00", "every_days": 7, "start_date": "2027-01-04"},
            "language": "en",
        },
    )
    assert campaign.status_code == 201, campaign.text
    stored = await admin.post(
        "/v1/templates", json={"name": "Harvest news", "template": "{name} is in! {link}"}
    )
    assert stored.status_code == 201, stored.text
    await admin.put("/v1/posts/settings", json={"auto_draft_on_publish": False})
    section = await admin.get("/v1/playbook")
    assert section.status_code == 200, section.text
    return dict(section.json())


async def test_a_partner_takes_the_section_and_exports_it_unchanged(
    as_user: Client, runtime: ServiceRuntime, tenant: uuid.UUID
) -> None:
    section = await _takeo(as_user, runtime, tenant)
    assert section["settings"] == {"auto_draft_on_publish": False, "default_language": "ja"}
    assert section["templates"] == [
        {
            "name": "Harvest news",
            "template": "{name} is in! {link}",
            "platform_texts": {},
            "cadence": {"time": "12:00", "every_days": 1, "skip_weekends": True},
            "language": "ja",
        },
        {
            "name": "Weekly table",
            "template": "{name} / {producer} {price} {link}",
            "platform_texts": {},
            "cadence": {"time": "11:00", "every_days": 7, "skip_weekends": True},
            "language": "en",
        },
    ]
    assert section["channels"] == [
        {
            "platform": "sandbox",
            "name": "Takeo shop page",
            "owner_kind": "shop",
            "approval_policy": "editor",
            "slots": [
                {"weekday": 0, "local_time": "12:00"},
                {"weekday": 4, "local_time": "18:30"},
            ],
        },
        {
            "platform": "sandbox",
            "name": "Takeo town",
            "owner_kind": "town",
            "approval_policy": "none",
            "slots": [{"weekday": 2, "local_time": "08:00"}],
        },
    ]
    assert set(section) == {"version", "settings", "templates", "channels"}

    partner_id = uuid.uuid4()
    partner = as_user(principal(partner_id))
    applied = await partner.put("/v1/playbook", json=section)
    assert applied.json() == {
        "templates_created": 2,
        "templates_kept": 0,
        "channel_plans_created": 2,
        "channel_plans_updated": 0,
    }
    again = await partner.put("/v1/playbook", json=section)
    assert again.json() == {
        "templates_created": 0,
        "templates_kept": 2,
        "channel_plans_created": 0,
        "channel_plans_updated": 0,
    }
    assert (await partner.get("/v1/playbook")).json() == section

    writer = as_user(principal(partner_id, ("writer",)))
    templates = (await writer.get("/v1/templates")).json()["items"]
    assert [(t["name"], t["cadence"]["every_days"]) for t in templates] == [
        ("Harvest news", 1),
        ("Weekly table", 7),
    ]
    plans = (await writer.get("/v1/channel-plans")).json()["items"]
    assert [(p["name"], p["approval_policy"], len(p["slots"])) for p in plans] == [
        ("Takeo shop page", "editor", 2),
        ("Takeo town", "none", 1),
    ]
    # Takeo's data stays Takeo's: the partner sees no channel of it.
    assert (await partner.get("/v1/channels")).json()["items"] == []


async def test_a_channel_connected_later_takes_its_plans_policy_and_slots(
    as_user: Client,
) -> None:
    partner_id = uuid.uuid4()
    partner = as_user(principal(partner_id))
    section = {
        "channels": [
            {
                "platform": "sandbox",
                "name": "Ureshino town",
                "owner_kind": "town",
                "approval_policy": "none",
                "slots": [{"weekday": 1, "local_time": "09:15"}],
            },
            {
                "platform": "sandbox",
                "name": "Any shop",
                "owner_kind": "shop",
                "approval_policy": "editor",
                "slots": [{"weekday": 5, "local_time": "10:00"}],
            },
        ]
    }
    assert (await partner.put("/v1/playbook", json=section)).status_code == 200
    town = await channel(partner, "sandbox", name="Ureshino town")
    assert town["approval_policy"] == "none"
    slots = (await partner.get("/v1/slots", params={"channel_id": town["id"]})).json()["items"]
    assert [(s["weekday"], s["local_time"]) for s in slots] == [(1, "09:15")]
    # No plan of this name: the shop plan matches by owner kind; a chosen policy is kept.
    shop = await channel(
        partner, "sandbox", name="Tea house", owner_kind="shop", approval_policy="none"
    )
    assert shop["approval_policy"] == "none"
    slots = (await partner.get("/v1/slots", params={"channel_id": shop["id"]})).json()["items"]
    assert [(s["weekday"], s["local_time"]) for s in slots] == [(5, "10:00")]
    # A platform without a plan is untouched.
    other = await channel(partner, "x", name="Ureshino town")
    assert other["approval_policy"] == "editor"
    assert (await partner.get("/v1/slots", params={"channel_id": other["id"]})).json()[
        "items"
    ] == []


async def test_malformed_sections_are_problems_and_only_admins_pass(as_user: Client) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    for bad in [
        {"channels": [{"platform": "myspace", "name": "x"}]},
        {
            "channels": [
                {"platform": "x", "name": "x", "slots": [{"weekday": 9, "local_time": "25:00"}]}
            ]
        },
        {"templates": [{"name": "", "template": "t"}]},
        {"templates": "nope"},
        {"version": 2},
        {"surprise": True},
        [],
    ]:
        response = await admin.put("/v1/playbook", json=bad)
        assert response.status_code in (400, 422), (bad, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
    for role in ("editor", "writer", "analyst"):
        who = as_user(principal(tenant, (role,)))
        assert (await who.get("/v1/playbook")).status_code == 403
        assert (await who.put("/v1/playbook", json={})).status_code == 403
    analyst = as_user(principal(tenant, ("analyst",)))
    forbidden = await analyst.post("/v1/templates", json={"name": "a", "template": "b"})
    assert forbidden.status_code == 403
    first = await admin.post("/v1/templates", json={"name": "a", "template": "b"})
    assert first.status_code == 201
    assert (
        await admin.post("/v1/templates", json={"name": "a", "template": "c"})
    ).status_code == 409
