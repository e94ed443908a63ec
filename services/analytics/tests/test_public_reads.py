"""Anonymous callers (the gateway's public pages): products' buy links only, nothing else."""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

from .helpers import allow_store, anonymous, new_link

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def test_visitor_lists_only_live_buy_links_without_campaign_details(
    runtime: ServiceRuntime,
    as_user: Client,
) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    await allow_store(runtime.db, tenant)
    product = str(uuid.uuid4())
    buy = await new_link(
        admin, product_id=product, utm={"utm_campaign": "winter"}, coupon_code="STAFF50"
    )
    await new_link(admin)  # no product: a post's plain link
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    await new_link(admin, product_id=product, expires_at=past)

    response = await as_user(anonymous(tenant)).get("/v1/links", params={"limit": 200})

    assert response.status_code == 200, response.text
    [shown] = response.json()["items"]
    assert (shown["code"], shown["product_id"]) == (buy["code"], product)
    assert (shown["utm"], shown["coupon_code"]) == ({}, None)
    assert len((await admin.get("/v1/links")).json()["items"]) == 3


async def test_visitor_cannot_read_one_link_nor_write(
    runtime: ServiceRuntime, as_user: Client
) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    await allow_store(runtime.db, tenant)
    link = await new_link(admin, product_id=str(uuid.uuid4()))
    public = as_user(anonymous(tenant))

    assert (await public.get(f"/v1/links/{link['id']}")).status_code == 403
    created = await public.post("/v1/links", json={"destination": "https://machi.example/x"})
    assert created.status_code == 403
    edited = await public.patch(f"/v1/links/{link['id']}", json={"destination": "https://evil"})
    assert edited.status_code == 403
    kept = (await admin.get(f"/v1/links/{link['id']}")).json()
    assert kept["destination"] == link["destination"]


async def test_anonymous_caller_without_a_town_lists_no_links(as_user: Client) -> None:
    assert (await as_user(anonymous(None)).get("/v1/links")).status_code == 404
