"""Anonymous callers (the gateway's public pages): published things of public producers only."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

import httpx
import pytest

from kit.auth import InternalPrincipal
from kit.testing.plugin import principal

from .helpers import make_producer, make_product

Client = Callable[[InternalPrincipal], httpx.AsyncClient]


def visitor(tenant: uuid.UUID | None) -> InternalPrincipal:
    """What the gateway sends for a public page of the town `tenant`."""
    return InternalPrincipal(sub="anonymous", kind="anonymous", tenant_id=tenant)


@dataclass
class Town:
    staff: httpx.AsyncClient
    public: httpx.AsyncClient
    published: dict
    draft: dict
    hidden: dict  # published, but its producer is hidden


@pytest.fixture
async def town(as_user: Client) -> Town:
    tenant = uuid.uuid4()
    staff = as_user(principal(tenant))
    farm = await make_producer(staff)
    hidden_farm = await make_producer(staff, visibility="hidden")
    published = await make_product(staff, farm["id"], "black-garlic")
    draft = await make_product(staff, farm["id"], "draft-tea")
    hidden = await make_product(staff, hidden_farm["id"], "secret-sake")
    for product in (published, hidden):
        assert (await staff.post(f"/v1/products/{product['id']}/publish")).status_code == 200
    store = await staff.post(
        "/v1/storefronts",
        json={
            "kind": "generic",
            "name": "Yahoo! Shopping",
            "item_url_template": "https://s/{item}",
        },
    )
    assert store.status_code == 201, store.text
    for product in (published, draft, hidden):
        listing = await staff.post(
            "/v1/listings",
            json={
                "storefront_id": store.json()["id"],
                "variant_id": product["variants"][0]["id"],
                "external_id": product["slug"],
            },
        )
        assert listing.status_code == 201, listing.text
    return Town(staff, as_user(visitor(tenant)), published, draft, hidden)


async def test_visitor_lists_only_published_products_of_public_producers(town: Town) -> None:
    for params in ({}, {"status": "draft"}, {"status": "published"}):
        response = await town.public.get("/v1/products", params=params)
        assert response.status_code == 200, response.text
        expected = ["black-garlic"] if params.get("status") != "draft" else []
        assert [p["slug"] for p in response.json()["items"]] == expected
    assert len((await town.staff.get("/v1/products")).json()["items"]) == 3


async def test_visitor_finds_a_product_by_slug(town: Town) -> None:
    found = await town.public.get("/v1/products", params={"slug": "black-garlic"})
    assert [p["id"] for p in found.json()["items"]] == [town.published["id"]]
    hidden = await town.public.get("/v1/products", params={"slug": "secret-sake"})
    assert hidden.json()["items"] == []


async def test_visitor_gets_404_for_a_draft_or_a_hidden_producers_product(town: Town) -> None:
    assert (await town.public.get(f"/v1/products/{town.published['id']}")).status_code == 200
    for product in (town.draft, town.hidden):
        response = await town.public.get(f"/v1/products/{product['id']}")
        assert response.status_code == 404
        assert (await town.staff.get(f"/v1/products/{product['id']}")).status_code == 200


async def test_visitor_sees_only_listings_of_public_products(town: Town) -> None:
    response = await town.public.get("/v1/listings")
    assert response.status_code == 200, response.text
    variants = {item["variant_id"] for item in response.json()["items"]}
    assert variants == {town.published["variants"][0]["id"]}
    assert len((await town.staff.get("/v1/listings")).json()["items"]) == 3


async def test_visitor_sees_only_published_places(town: Town) -> None:
    made = []
    for slug in ("takeo-onsen", "draft-shrine"):
        place = await town.staff.post(
            "/v1/places", json={"slug": slug, "kind": "onsen", "name": {"ja": slug}}
        )
        assert place.status_code == 201, place.text
        made.append(place.json())
    assert (await town.staff.post(f"/v1/places/{made[0]['id']}/publish")).status_code == 200

    listed = await town.public.get("/v1/places")
    assert [p["slug"] for p in listed.json()["items"]] == ["takeo-onsen"]
    assert (await town.public.get("/v1/places", params={"status": "draft"})).json()["items"] == []
    assert (await town.public.get(f"/v1/places/{made[1]['id']}")).status_code == 404
    assert (await town.public.get(f"/v1/places/{made[0]['id']}")).status_code == 200


async def test_visitor_lists_public_producers_stories_without_their_contact(
    town: Town,
) -> None:
    farm = await make_producer(
        town.staff,
        story={"ja": "一か月熟成", "en": "Aged for a month"},
        code="farm-1",
        address="武雄町1",
        contact={"phone": "0954-00-0000"},
    )

    listed = (await town.public.get("/v1/producers", params={"limit": 200})).json()["items"]

    shown = {p["id"]: p for p in listed}
    assert farm["id"] in shown
    assert all(p["visibility"] == "public" for p in listed)  # the hidden farm is not there
    mine = shown[farm["id"]]
    assert mine["story"] == {"ja": "一か月熟成", "en": "Aged for a month"}
    assert (mine["contact"], mine["code"], mine["address"]) == ({}, None, None)
    assert (await town.public.get(f"/v1/producers/{farm['id']}")).status_code == 403


@pytest.mark.parametrize(
    "path",
    ["/v1/storefronts", "/v1/imports/export", "/v1/media/" + str(uuid.uuid4())],
)
async def test_visitor_cannot_read_internal_lists(town: Town, path: str) -> None:
    response = await town.public.get(path)
    assert response.status_code in (403, 404), response.text
    assert response.headers["content-type"] == "application/problem+json"


async def test_visitor_cannot_write(town: Town) -> None:
    attempts = [
        ("POST", "/v1/producers", {"kind": "farm", "name": {"ja": "x"}}),
        ("POST", "/v1/products", {"producer_id": str(uuid.uuid4()), "slug": "x", "name": {}}),
        ("PATCH", f"/v1/products/{town.published['id']}", {"price_amount": 1}),
        ("POST", f"/v1/products/{town.draft['id']}/publish", None),
        ("POST", "/v1/places", {"slug": "x", "kind": "onsen", "name": {"ja": "x"}}),
        ("POST", "/v1/listings", {}),
    ]
    for method, path, body in attempts:
        response = await town.public.request(method, path, json=body)
        assert response.status_code == 403, (method, path, response.text)
    product = (await town.staff.get(f"/v1/products/{town.draft['id']}")).json()
    assert product["status"] == "draft"


async def test_anonymous_caller_without_a_town_reads_nothing(as_user: Client) -> None:
    response = await as_user(visitor(None)).get("/v1/products")
    assert response.status_code == 404
