"""The catalog's part of the operator's usage report and of a town's playbook."""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import httpx

from kit.auth import InternalPrincipal
from kit.testing.plugin import principal

from .helpers import make_producer, make_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def test_usage_counts_products_and_active_products(as_user: Client) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    producer = await make_producer(http)
    first = await make_product(http, producer["id"], "a")
    await make_product(http, producer["id"], "b")
    await http.post(f"/v1/products/{first['id']}/publish")
    analyst = as_user(principal(tenant, roles=("analyst",)))
    month = datetime.now(UTC).strftime("%Y-%m")
    usage = (await analyst.get("/v1/usage", params={"month": month})).json()
    assert (usage["products"], usage["active_products"], usage["producers"]) == (2, 1, 1)


async def test_playbook_categories_copy_to_a_partner_town(as_user: Client) -> None:
    takeo = as_user(principal(uuid.uuid4()))
    food = (
        await takeo.post("/v1/categories", json={"slug": "food", "name": {"ja": "食品"}})
    ).json()
    await takeo.post(
        "/v1/categories",
        json={"slug": "sweets", "name": {"ja": "菓子"}, "parent_id": food["id"]},
    )
    section = (await takeo.get("/v1/playbook")).json()
    partner = as_user(principal(uuid.uuid4()))
    applied = (await partner.put("/v1/playbook", json=section)).json()
    assert applied == {"categories_created": 2, "categories_kept": 0}
    assert (await partner.get("/v1/playbook")).json() == section
    assert section["categories"][1] == {"slug": "sweets", "name": {"ja": "菓子"}, "parent": "food"}
