"""A producer user sees the links of their own products only, as their reports."""

import uuid
from collections.abc import Callable

import httpx

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

from .helpers import allow_store, new_link

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def test_a_producer_lists_and_reads_only_their_own_products_links(
    runtime: ServiceRuntime, as_user: Client
) -> None:
    tenant = uuid.uuid4()
    admin = as_user(principal(tenant))
    await allow_store(runtime.db, tenant)
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    own = await new_link(admin, product_id=str(uuid.uuid4()), producer_id=str(mine))
    other = await new_link(admin, product_id=str(uuid.uuid4()), producer_id=str(theirs))
    town_wide = await new_link(admin)  # a post's link to no producer's product
    farmer = as_user(
        InternalPrincipal(
            sub="farmer",
            kind="user",
            tenant_id=tenant,
            roles=frozenset({"producer"}),
            producer_ids=frozenset({mine}),
        )
    )

    listed = await farmer.get("/v1/links", params={"limit": 200})

    assert listed.status_code == 200, listed.text
    assert [i["id"] for i in listed.json()["items"]] == [own["id"]]
    assert (await farmer.get(f"/v1/links/{own['id']}")).status_code == 200
    for hidden in (other, town_wide):
        assert (await farmer.get(f"/v1/links/{hidden['id']}")).status_code == 404
    everyone = (await admin.get("/v1/links", params={"limit": 200})).json()["items"]
    assert {i["id"] for i in everyone} == {own["id"], other["id"], town_wide["id"]}
