"""Places: lifecycle, translations, related products, search, event."""

import uuid
from collections.abc import Callable

import httpx

from kit.auth import InternalPrincipal
from kit.runtime import ServiceRuntime
from kit.testing.plugin import principal

from .conftest import producer_user
from .helpers import make_producer, make_product, relayed

Client = Callable[[InternalPrincipal], httpx.AsyncClient]
ONSEN = {
    "slug": "takeo-onsen",
    "kind": "onsen",
    "name": {"ja": "武雄温泉", "ko": "다케오 온천", "en": "Takeo Onsen"},
    "latitude": 33.196,
    "longitude": 130.02,
    "opening_hours": [{"day": "mon", "opens": "06:30", "closes": "24:00"}],
}


async def test_publishing_a_place_emits_place_published(
    as_user: Client, runtime: ServiceRuntime
) -> None:
    tenant = uuid.uuid4()
    http = as_user(principal(tenant))
    producer = await make_producer(http)
    product = await make_product(http, producer["id"])
    created = await http.post("/v1/places", json={**ONSEN, "related_product_ids": [product["id"]]})
    assert created.status_code == 201, created.text
    place = created.json()
    published = await http.post(f"/v1/places/{place['id']}/publish")
    assert published.json()["status"] == "published"
    [event] = await relayed(runtime, tenant, "catalog.place.published.v1")
    assert event["payload"]["name"]["ko"] == "다케오 온천"
    assert event["payload"]["related_product_ids"] == [product["id"]]
    assert event["payload"]["latitude"] == 33.196


async def test_places_are_searchable_in_korean_and_shown_in_the_callers_language(
    as_user: Client,
) -> None:
    http = as_user(principal(uuid.uuid4()))
    await http.post("/v1/places", json=ONSEN)
    found = (await http.get("/v1/places", params={"q": "온천", "lang": "en"})).json()["items"]
    assert [p["display_name"] for p in found] == ["Takeo Onsen"]


async def test_unknown_related_product_is_404(as_user: Client) -> None:
    http = as_user(principal(uuid.uuid4()))
    response = await http.post(
        "/v1/places", json={**ONSEN, "related_product_ids": [str(uuid.uuid4())]}
    )
    assert response.status_code == 404


async def test_producer_users_and_analysts_cannot_write_places(as_user: Client) -> None:
    tenant = uuid.uuid4()
    for who in (producer_user(tenant), principal(tenant, roles=("analyst",))):
        assert (await as_user(who).post("/v1/places", json=ONSEN)).status_code == 403


async def test_another_tenants_place_is_404(as_user: Client) -> None:
    place = (await as_user(principal(uuid.uuid4())).post("/v1/places", json=ONSEN)).json()
    other = as_user(principal(uuid.uuid4()))
    assert (await other.get(f"/v1/places/{place['id']}")).status_code == 404
    assert (await other.post(f"/v1/places/{place['id']}/publish")).status_code == 404
