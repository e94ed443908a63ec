"""Who may change what: staff roles, producer users, analysts, other tenants."""

import uuid
from collections.abc import Callable
from pathlib import Path

import httpx

from kit.auth import InternalPrincipal
from kit.errors import type_uri
from kit.testing.images import jpeg_with_gps
from kit.testing.plugin import principal

from .conftest import producer_user
from .helpers import make_producer, make_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


async def test_producer_user_edits_own_product(as_user: Client) -> None:
    tenant = uuid.uuid4()
    staff = as_user(principal(tenant))
    mine = await make_producer(staff)
    product = await make_product(staff, mine["id"])
    farmer = as_user(producer_user(tenant, uuid.UUID(mine["id"])))
    changed = await farmer.patch(f"/v1/products/{product['id']}", json={"tags": ["Garlic"]})
    assert changed.status_code == 200, changed.text
    assert changed.json()["tags"] == ["garlic"]


async def test_producer_user_cannot_touch_another_producers_product(as_user: Client) -> None:
    tenant = uuid.uuid4()
    staff = as_user(principal(tenant))
    mine = await make_producer(staff)
    theirs = await make_producer(staff, name={"ja": "嬉野茶園"})
    product = await make_product(staff, theirs["id"], "ureshino-tea")
    farmer = as_user(producer_user(tenant, uuid.UUID(mine["id"])))
    assert (await farmer.get(f"/v1/products/{product['id']}")).status_code == 404
    patched = await farmer.patch(f"/v1/products/{product['id']}", json={"tags": ["x"]})
    assert patched.status_code == 404
    assert (await farmer.post(f"/v1/products/{product['id']}/publish")).status_code == 404
    assert (await farmer.patch(f"/v1/producers/{theirs['id']}", json={})).status_code == 404
    listed = (await farmer.get("/v1/products")).json()["items"]
    assert listed == []


async def test_producer_user_cannot_create_a_product_for_another_producer(
    as_user: Client,
) -> None:
    tenant = uuid.uuid4()
    staff = as_user(principal(tenant))
    mine = await make_producer(staff)
    theirs = await make_producer(staff)
    farmer = as_user(producer_user(tenant, uuid.UUID(mine["id"])))
    response = await farmer.post(
        "/v1/products",
        json={"producer_id": theirs["id"], "slug": "stolen", "name": {"ja": "x"}},
    )
    assert response.status_code == 404


async def test_producer_user_cannot_register_producers(as_user: Client) -> None:
    farmer = as_user(producer_user(uuid.uuid4()))
    response = await farmer.post("/v1/producers", json={"kind": "farm", "name": {"ja": "x"}})
    assert response.status_code == 403


async def test_analyst_cannot_write(as_user: Client) -> None:
    tenant = uuid.uuid4()
    staff = as_user(principal(tenant))
    producer = await make_producer(staff)
    product = await make_product(staff, producer["id"])
    analyst = as_user(principal(tenant, roles=("analyst",)))
    assert (await analyst.get(f"/v1/products/{product['id']}")).status_code == 200
    refused = [
        await analyst.post("/v1/producers", json={"kind": "farm", "name": {"ja": "x"}}),
        await analyst.patch(f"/v1/products/{product['id']}", json={"tags": []}),
        await analyst.post(f"/v1/products/{product['id']}/publish"),
        await analyst.post("/v1/categories", json={"slug": "x", "name": {"ja": "x"}}),
    ]
    assert [r.status_code for r in refused] == [403, 403, 403, 403]
    assert refused[0].json()["type"] == type_uri("forbidden")


async def test_another_tenant_sees_nothing(as_user: Client) -> None:
    tenant = uuid.uuid4()
    staff = as_user(principal(tenant))
    producer = await make_producer(staff)
    product = await make_product(staff, producer["id"])
    other = as_user(principal(uuid.uuid4()))
    assert (await other.get(f"/v1/producers/{producer['id']}")).status_code == 404
    assert (await other.patch(f"/v1/products/{product['id']}", json={})).status_code == 404
    assert (await other.post(f"/v1/products/{product['id']}/archive")).status_code == 404
    variant = product["variants"][0]["id"]
    path = f"/v1/products/{product['id']}/variants/{variant}"
    assert (await other.patch(path, json={"stock": 1})).status_code == 404
    assert (await other.get("/v1/producers")).json()["items"] == []


async def test_another_tenant_sees_no_store_import_or_media(as_user: Client) -> None:
    town = as_user(principal(uuid.uuid4()))
    store = await town.post(
        "/v1/storefronts",
        json={"kind": "generic", "name": "Yahoo!", "item_url_template": "https://x/{item}"},
    )
    example = (Path(__file__).parents[1] / "examples" / "catalog.csv").read_bytes()
    imported = await town.post("/v1/imports", files={"file": ("c.csv", example, "text/csv")})
    media = await town.post("/v1/media", files={"file": ("g.jpg", jpeg_with_gps(), "image/jpeg")})
    other = as_user(principal(uuid.uuid4()))
    answers = [
        await other.get(f"/v1/storefronts/{store.json()['id']}"),
        await other.post(f"/v1/storefronts/{store.json()['id']}/sync"),
        await other.get(f"/v1/imports/{imported.json()['id']}"),
        await other.get(f"/v1/media/{media.json()['id']}"),
    ]
    assert [a.status_code for a in answers] == [404, 404, 404, 404]
    exported = await other.get("/v1/imports/export")
    assert len(exported.text.strip().splitlines()) == 1  # the header alone


async def two_producers_each_listed_in_their_own_store(
    staff: httpx.AsyncClient,
) -> tuple[dict, list[str]]:
    """Two producers, each with a product listed in a store of its own: (the first, stores)."""
    mine = await make_producer(staff)
    theirs = await make_producer(staff, name={"ja": "嬉野茶園"}, code="ureshino")
    stores = []
    for producer, slug in ((mine, "garlic"), (theirs, "tea")):
        product = await make_product(staff, producer["id"], slug=slug)
        store = await staff.post(
            "/v1/storefronts",
            json={
                "kind": "generic",
                "name": f"{slug} store",
                "item_url_template": f"https://{slug}.example.jp/{{item}}.html",
            },
        )
        assert store.status_code == 201, store.text
        listing = await staff.post(
            "/v1/listings",
            json={
                "storefront_id": store.json()["id"],
                "variant_id": product["variants"][0]["id"],
                "external_id": slug,
            },
        )
        assert listing.status_code == 201, listing.text
        stores.append(store.json()["id"])
    return mine, stores


async def test_producer_user_exports_only_their_own_producers(as_user: Client) -> None:
    tenant = uuid.uuid4()
    staff = as_user(principal(tenant))
    mine, _ = await two_producers_each_listed_in_their_own_store(staff)
    farmer = as_user(producer_user(tenant, uuid.UUID(mine["id"])))
    exported = await farmer.get("/v1/imports/export")
    assert exported.status_code == 200, exported.text
    assert "garlic" in exported.text
    assert "ureshino" not in exported.text
    assert "tea" not in exported.text
    assert "ureshino" in (await staff.get("/v1/imports/export")).text


async def test_producer_user_sees_only_listings_and_stores_of_their_own_products(
    as_user: Client,
) -> None:
    tenant = uuid.uuid4()
    staff = as_user(principal(tenant))
    mine, (my_store, their_store) = await two_producers_each_listed_in_their_own_store(staff)
    farmer = as_user(producer_user(tenant, uuid.UUID(mine["id"])))
    listings = (await farmer.get("/v1/listings")).json()["items"]
    assert [listing["external_id"] for listing in listings] == ["garlic"]
    stores = (await farmer.get("/v1/storefronts")).json()["items"]
    assert [store["id"] for store in stores] == [my_store]
    assert (await farmer.get(f"/v1/storefronts/{their_store}")).status_code == 404
    assert (await farmer.get(f"/v1/storefronts/{my_store}")).status_code == 200
    assert len((await staff.get("/v1/listings")).json()["items"]) == 2
